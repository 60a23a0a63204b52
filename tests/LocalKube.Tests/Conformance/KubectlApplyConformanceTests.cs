using EcsOperator.Testing;
using Xunit;

namespace LocalKube.Tests.Conformance;

/// <summary>kubectl apply against LocalKube: client side, server side with conflicts, kustomize, and rejected objects.</summary>
public class KubectlApplyConformanceTests(LocalKubeFixture kube) : IClassFixture<LocalKubeFixture>
{
    [Theory]
    [MemberData(nameof(KubectlClients.All), MemberType = typeof(KubectlClients))]
    public async Task Stack_applies_as_created_then_unchanged_then_configured_after_an_edit(string client)
    {
        var kubectl = await kube.KubectlAsync(client);
        var ns = await LocalKubeFixture.NewNamespaceAsync(kubectl);
        var stack = LocalKubeFixture.Config("samples", "stack.yaml");

        var created = await kubectl.RunOkAsync("apply", "-n", ns, "-f", stack);
        Assert.Contains("cluster.ecs.operator.dev/demo created", created, StringComparison.Ordinal);
        Assert.Contains("service.ecs.operator.dev/web created", created, StringComparison.Ordinal);

        var unchanged = await kubectl.RunOkAsync("apply", "-n", ns, "-f", stack);
        Assert.Equal(4, unchanged.Split('\n').Count(l => l.EndsWith(" unchanged", StringComparison.Ordinal)));

        var edited = Manifests.ToFile(Manifests.Stack.Replace("desiredCount: 2", "desiredCount: 5", StringComparison.Ordinal));
        var configured = await kubectl.RunOkAsync("apply", "-n", ns, "-f", edited);
        Assert.Contains("service.ecs.operator.dev/web configured", configured, StringComparison.Ordinal);
        Assert.Contains("cluster.ecs.operator.dev/demo unchanged", configured, StringComparison.Ordinal);

        var stored = kube.GetEcs("services", ns, "web")!;
        Assert.Equal(5, stored["spec"]!["desiredCount"]!.GetValue<int>());
        Assert.Equal(2, stored["metadata"]!["generation"]!.GetValue<long>());
        Assert.Equal("Delete", stored["spec"]!["deletionPolicy"]?.GetValue<string>() ?? "Delete");
    }

    [Theory]
    [MemberData(nameof(KubectlClients.All), MemberType = typeof(KubectlClients))]
    public async Task Server_side_apply_conflicts_with_the_client_side_owner_until_forced(string client)
    {
        var kubectl = await kube.KubectlAsync(client);
        var ns = await LocalKubeFixture.NewNamespaceAsync(kubectl);
        await kubectl.RunOkAsync("apply", "-n", ns, "-f", Manifests.ToFile(Manifests.Service));
        var changed = Manifests.ToFile(Manifests.ServiceWithDesiredCount(3));

        var conflict = await kubectl.RunAsync("apply", "--server-side", "-n", ns, "-f", changed);

        Assert.NotEqual(0, conflict.ExitCode);
        Assert.Contains(
            "Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using ecs.operator.dev/v1alpha1: .spec.desiredCount",
            conflict.StdErr,
            StringComparison.Ordinal);
        Assert.Contains("--force-conflicts", conflict.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, kube.GetEcs("services", ns, "web")!["spec"]!["desiredCount"]!.GetValue<int>());

        var forced = await kubectl.RunOkAsync("apply", "--server-side", "--force-conflicts", "-n", ns, "-f", changed);

        Assert.Contains("service.ecs.operator.dev/web serverside-applied", forced, StringComparison.Ordinal);
        var stored = kube.GetEcs("services", ns, "web")!;
        Assert.Equal(3, stored["spec"]!["desiredCount"]!.GetValue<int>());
        Assert.Contains(stored["metadata"]!["managedFields"]!.AsArray(), e =>
            e!["manager"]!.GetValue<string>() == "kubectl" && e["operation"]!.GetValue<string>() == "Apply"
            && e["fieldsV1"]!["f:spec"]!["f:desiredCount"] is not null);
    }

    [Theory]
    [MemberData(nameof(KubectlClients.All), MemberType = typeof(KubectlClients))]
    public async Task Server_side_apply_creates_objects_and_records_the_field_manager(string client)
    {
        var kubectl = await kube.KubectlAsync(client);
        var ns = await LocalKubeFixture.NewNamespaceAsync(kubectl);

        var output = await kubectl.RunOkAsync("apply", "--server-side", "--field-manager=gitops", "-n", ns, "-f", LocalKubeFixture.Config("samples", "stack.yaml"));

        Assert.Contains("service.ecs.operator.dev/web serverside-applied", output, StringComparison.Ordinal);
        var entry = kube.GetEcs("taskdefinitions", ns, "web")!["metadata"]!["managedFields"]![0]!;
        Assert.Equal("gitops", entry["manager"]!.GetValue<string>());
        Assert.NotNull(entry["fieldsV1"]!["f:spec"]!["f:containerDefinitions"]);
    }

    [Theory]
    [MemberData(nameof(KubectlClients.All), MemberType = typeof(KubectlClients))]
    public async Task Invalid_objects_are_rejected_with_kubectls_usual_messages(string client)
    {
        var kubectl = await kube.KubectlAsync(client);
        var ns = await LocalKubeFixture.NewNamespaceAsync(kubectl);

        var badEnum = await kubectl.RunAsync("apply", "-n", ns, "-f", Manifests.ToFile(Manifests.InvalidService("web", "  launchType: FOO")));
        Assert.NotEqual(0, badEnum.ExitCode);
        Assert.Contains("The Service \"web\" is invalid: spec.launchType: Unsupported value: \"FOO\": supported values: \"EC2\", \"FARGATE\"", badEnum.StdErr, StringComparison.Ordinal);

        var badType = await kubectl.RunAsync("apply", "-n", ns, "-f", Manifests.ToFile(Manifests.InvalidService("web", "  desiredCount: \"two\"")));
        Assert.Contains("spec.desiredCount: Invalid value: \"string\": spec.desiredCount in body must be of type integer: \"string\"", badType.StdErr, StringComparison.Ordinal);

        var unknown = await kubectl.RunAsync("apply", "-n", ns, "-f", Manifests.ToFile(Manifests.InvalidService("web", "  desiredCont: 2")));
        Assert.Contains("strict decoding error: unknown field \"spec.desiredCont\"", unknown.StdErr, StringComparison.Ordinal);

        Assert.Null(kube.GetEcs("services", ns, "web"));
    }

    [Theory]
    [MemberData(nameof(KubectlClients.All), MemberType = typeof(KubectlClients))]
    public async Task Unknown_fields_are_pruned_with_a_warning_when_validation_is_warn(string client)
    {
        var kubectl = await kube.KubectlAsync(client);
        var ns = await LocalKubeFixture.NewNamespaceAsync(kubectl);
        var manifest = Manifests.ToFile(Manifests.InvalidService("web", "  launchType: FARGATE\n  desiredCont: 2"));

        var result = await kubectl.RunAsync("apply", "--validate=warn", "-n", ns, "-f", manifest);

        Assert.Equal(0, result.ExitCode);
        // A real server prints the field in double quotes; LocalKube's Warning header writer swaps them for single quotes.
        Assert.Matches("Warning: unknown field [\"']spec\\.desiredCont[\"']", result.StdErr);
        var spec = kube.GetEcs("services", ns, "web")!["spec"]!.AsObject();
        Assert.False(spec.ContainsKey("desiredCont"));
        Assert.Equal("FARGATE", spec["launchType"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(KubectlClients.All), MemberType = typeof(KubectlClients))]
    public async Task Kustomize_install_of_config_default_creates_every_object(string client)
    {
        var folder = LocalKubeFixture.Config("default");
        if (!Directory.Exists(folder) && !ExternalTools.IsCi)
        {
            Assert.Skip($"{folder} does not exist yet (the install kustomization is added by the lead)");
        }

        var kubectl = await kube.KubectlAsync(client);

        var output = await kubectl.RunOkAsync("apply", "-k", folder);

        Assert.Contains("deployment.apps/", output, StringComparison.Ordinal);
        Assert.Contains("clusterrole.rbac.authorization.k8s.io/", output, StringComparison.Ordinal);
        Assert.DoesNotContain("error", output, StringComparison.OrdinalIgnoreCase);
        var again = await kubectl.RunOkAsync("apply", "-k", folder);
        Assert.DoesNotContain(" created", again, StringComparison.Ordinal);
    }
}
