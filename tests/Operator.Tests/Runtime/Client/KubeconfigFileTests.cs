using EcsOperator.Runtime.Client;
using EcsOperator.Testing;
using k8s;
using Xunit;

namespace EcsOperator.Tests.Runtime.Client;

/// <summary>The operator reads kubeconfig files with its own small deserializer; it must read them as KubernetesClient does.</summary>
public sealed class KubeconfigFileTests : IDisposable
{
    private const string Kubeconfig = """
        apiVersion: v1
        kind: Config
        preferences: {}
        clusters:
        - name: staging
          cluster:
            server: https://staging.example:6443
            insecure-skip-tls-verify: true
            tls-server-name: api.staging.example
        - name: prod
          cluster:
            server: https://prod.example:6443
        contexts:
        - name: staging-admin
          context:
            cluster: staging
            user: admin
            namespace: ops
        - name: prod-reader
          context:
            cluster: prod
            user: reader
        current-context: staging-admin
        users:
        - name: admin
          user:
            client-certificate: certs/admin.crt
            client-key: certs/admin.key
        - name: reader
          user:
            token: reader-token
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory(TestNames.Unique("kubeconfig")).FullName;

    [Fact]
    public void A_kubeconfig_resolves_to_the_same_connection_as_KubernetesClients_own_loader()
    {
        var path = Write("config", Kubeconfig);

        var ours = KubeConnection.Resolve(path);
        var theirs = KubernetesClientConfiguration.BuildConfigFromConfigFile(path);

        Assert.Equal(theirs.Host, ours.Host);
        Assert.Equal("https://staging.example:6443", ours.Host);
        Assert.Equal(theirs.Namespace, ours.Namespace);
        Assert.Equal("ops", ours.Namespace);
        Assert.Equal(theirs.CurrentContext, ours.CurrentContext);
        Assert.Equal(theirs.SkipTlsVerify, ours.SkipTlsVerify);
        Assert.True(ours.SkipTlsVerify);
        Assert.Equal(theirs.TlsServerName, ours.TlsServerName);
        Assert.Equal(theirs.ClientCertificateFilePath, ours.ClientCertificateFilePath);
        Assert.Equal(Path.Combine(_folder, "certs", "admin.crt"), ours.ClientCertificateFilePath);
        Assert.Equal(theirs.ClientKeyFilePath, ours.ClientKeyFilePath);
        Assert.Equal(theirs.AccessToken, ours.AccessToken);
    }

    [Fact]
    public void The_current_context_picks_the_user_and_cluster()
    {
        var path = Write("config", Kubeconfig.Replace("current-context: staging-admin", "current-context: prod-reader", StringComparison.Ordinal));

        var ours = KubeConnection.Resolve(path);

        Assert.Equal("https://prod.example:6443", ours.Host);
        Assert.Equal("reader-token", ours.AccessToken);
        Assert.Equal(KubernetesClientConfiguration.BuildConfigFromConfigFile(path).Namespace, ours.Namespace);
    }

    [Theory]
    [InlineData("clusters: [unclosed", "not valid YAML")]
    [InlineData("", "empty")]
    [InlineData("apiVersion: v1\nkind: Config\ncurrent-context: nowhere\n", "nowhere")]
    public void A_file_that_is_not_a_usable_kubeconfig_fails_with_one_message_naming_it(string content, string reason)
    {
        var path = Write("broken", content);

        var error = Assert.Throws<KubeConnectionException>(() => KubeConnection.Resolve(path));

        Assert.Contains($"kubeconfig {path} is not usable", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
