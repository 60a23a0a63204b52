using EcsOperator.Testing;
using Xunit;

namespace LocalKube.Tests.Conformance;

/// <summary>
/// helm 3 and 4 (client-go underneath) against LocalKube: install, upgrade and uninstall of a one-ConfigMap chart.
/// helm stores each release as a Secret and deletes it with a protobuf DeleteOptions body on uninstall.
/// </summary>
public class HelmConformanceTests(LocalKubeFixture kube) : IClassFixture<LocalKubeFixture>
{
    [Theory]
    [MemberData(nameof(Helm.Versions), MemberType = typeof(Helm))]
    public async Task Install_upgrade_and_uninstall_leave_no_release_behind(string version)
    {
        var helm = await Helm.ForAsync(version, kube.Server.Kubeconfig.Path);
        var ns = TestNames.Unique("helm");
        var chart = WriteChart();

        await helm.RunOkAsync("install", "demo", chart, "--namespace", ns, "--create-namespace", "--set", "mode=first");
        await helm.RunOkAsync("upgrade", "demo", chart, "--namespace", ns, "--set", "mode=second");

        Assert.Equal("second", kube.Get(string.Empty, "v1", "configmaps", ns, "demo-settings")!["data"]!["mode"]!.GetValue<string>());
        Assert.NotNull(kube.Get(string.Empty, "v1", "secrets", ns, "sh.helm.release.v1.demo.v2"));
        var uninstalled = await helm.RunAsync("uninstall", "demo", "--namespace", ns, "--wait");
        Assert.True(uninstalled.ExitCode == 0, uninstalled.ToString());
        Assert.Null(kube.Get(string.Empty, "v1", "configmaps", ns, "demo-settings"));
        Assert.Null(kube.Get(string.Empty, "v1", "secrets", ns, "sh.helm.release.v1.demo.v1"));
        Assert.Null(kube.Get(string.Empty, "v1", "secrets", ns, "sh.helm.release.v1.demo.v2"));
    }

    private static string WriteChart()
    {
        var chart = Directory.CreateTempSubdirectory("helm-chart-").FullName;
        File.WriteAllText(Path.Combine(chart, "Chart.yaml"), "apiVersion: v2\nname: demo\nversion: 0.1.0\n");
        File.WriteAllText(Path.Combine(chart, "values.yaml"), "mode: first\n");
        Directory.CreateDirectory(Path.Combine(chart, "templates"));
        File.WriteAllText(
            Path.Combine(chart, "templates", "configmap.yaml"),
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-settings\ndata:\n  mode: {{ .Values.mode | quote }}\n");
        return chart;
    }
}
