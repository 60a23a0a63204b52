using System.Text.Json.Nodes;
using EcsOperator.Entities;
using EcsOperator.IntegrationTests.Aws;
using EcsOperator.Testing;
using k8s;
using Xunit;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.IntegrationTests.Controllers;

/// <summary>
/// What the operator does once a stack has converged: nothing to AWS and nothing to spec on resync (GitOps safety),
/// and desiredCount drift left alone or reverted depending on whether the spec manages it; the switch to a capacity
/// provider strategy and back to a launch type, by spec edit and out of band. Its own stack with a 3 s
/// resync, so that several resyncs fit in a test; every wait is on a signal (reconcile and resync counters, status).
/// </summary>
public sealed class ServiceAtRestTests(OperatorStack stack) : IClassFixture<OperatorStack>
{
    private static readonly TimeSpan Resync = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan RolloutTimeout = TimeSpan.FromSeconds(90);
    private static readonly string[] Controllers = ["cluster", "taskdefinition", "service", "loadbalancerbinding"];
    private static readonly string[] Plurals = [V1alpha1Cluster.Plural, V1alpha1TaskDefinition.Plural, V1alpha1Service.Plural, V1alpha1LoadBalancerBinding.Plural];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_converged_stack_makes_no_aws_mutation_and_no_spec_write_and_kubectl_apply_finds_it_unchanged()
    {
        var kubectl = new Kubectl(stack.Kube?.Kubeconfig.Path ?? Environment.GetEnvironmentVariable(OperatorStack.RealClusterVariable)!);
        await QuickResyncAsync();
        var names = await NamesAsync("svc-rest");
        var seed = await MotoSeed.CreateAsync(stack.Moto, Ct);
        var manifests = Path.Combine(Path.GetTempPath(), $"{names.Namespace}.yaml");
        await File.WriteAllTextAsync(manifests, Manifests(names.Cluster(), names.TaskDefinition(), names.Service(), LoadBalancerBindings.Owned(names.Namespace, seed)), Ct);
        var writesBefore = stack.KubeWrites?.Mark ?? 0;

        await kubectl.RunOkAsync("apply", "-f", manifests);
        await stack.Objects.WaitReadyAsync<V1alpha1Service>(names.Namespace, "web", RolloutTimeout);
        await stack.Objects.WaitReadyAsync<V1alpha1LoadBalancerBinding>(names.Namespace, "web", RolloutTimeout);
        var awsBefore = MutatingCalls();
        await WaitForResyncsAsync(3);

        Assert.Empty(Increase(awsBefore, MutatingCalls()));
        var applied = await kubectl.RunOkAsync("apply", "-f", manifests);
        Assert.Equal(4, applied.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(line => line.EndsWith(" unchanged", StringComparison.Ordinal)));
        Assert.Empty(Increase(awsBefore, MutatingCalls()));
        if (stack.KubeWrites is { } log)
        {
            var operatorWrites = log.Since(writesBefore).Where(w => !w.UserAgent.StartsWith("kubectl", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(operatorWrites);
            Assert.DoesNotContain(operatorWrites, w => !StatusFinalizersOrEvents(w));
        }

        foreach (var plural in Plurals)
        {
            var obj = (JsonObject)JsonNode.Parse(KubernetesJson.Serialize(await stack.Objects.Client.CustomObjects.GetNamespacedCustomObjectAsync(EntityGroup.Group, EntityGroup.Version, names.Namespace, plural, plural == V1alpha1Cluster.Plural ? "demo" : "web", Ct)))!;
            Assert.Equal(1, obj["metadata"]!["generation"]!.GetValue<long>());
        }
    }

    [Fact]
    public async Task Scaling_works_and_desiredCount_drift_is_left_alone_when_unmanaged_and_reverted_when_managed()
    {
        await QuickResyncAsync();
        var names = await NamesAsync("svc-scale");
        await stack.Objects.CreateAsync(names.Cluster());
        await stack.Objects.CreateAsync(names.TaskDefinition());
        await stack.Objects.CreateAsync(names.Service());
        await stack.Objects.WaitReadyAsync<V1alpha1Service>(names.Namespace, "web", RolloutTimeout);

        await stack.Objects.UpdateAsync<V1alpha1Service>(names.Namespace, "web", s => s.Spec.DesiredCount = 3);
        await WaitRunningAsync(names, 3);
        Assert.Equal(3, (await stack.Ecs.ServiceAsync(names.ClusterName, names.ServiceName))!.DesiredCount);

        // Unmanaged: the out-of-band count is what the next resync reports, and nothing reverts it.
        await stack.Objects.UpdateAsync<V1alpha1Service>(names.Namespace, "web", s => s.Spec.DesiredCount = null);
        await stack.Objects.WaitReadyAsync<V1alpha1Service>(names.Namespace, "web");
        await ScaleOutOfBandAsync(names, 1);
        var updates = stack.Proxy.Stats.For("ecs", "UpdateService").Calls;
        await WaitRunningAsync(names, 1);
        await WaitForResyncsAsync(1);
        Assert.Equal(updates, stack.Proxy.Stats.For("ecs", "UpdateService").Calls);
        Assert.Equal(1, (await stack.Ecs.ServiceAsync(names.ClusterName, names.ServiceName))!.DesiredCount);

        // Managed: the next resync reverts it, with an Event and the metric.
        await stack.Objects.UpdateAsync<V1alpha1Service>(names.Namespace, "web", s => s.Spec.DesiredCount = 2);
        await WaitRunningAsync(names, 2);
        var corrections = await DesiredCountCorrectionsAsync();
        await ScaleOutOfBandAsync(names, 4);

        Assert.True(await Eventually.TrueAsync(async () => await DesiredCountCorrectionsAsync() > corrections, RolloutTimeout), "no desiredCount drift correction was counted");
        await WaitRunningAsync(names, 2);
        Assert.Equal(corrections + 1, await DesiredCountCorrectionsAsync());
        Assert.Equal(2, (await stack.Ecs.ServiceAsync(names.ClusterName, names.ServiceName))!.DesiredCount);
        Assert.Contains("DriftCorrected", await stack.Objects.EventReasonsAsync(names.Namespace, "web", "DriftCorrected"));
    }

    [Fact]
    public async Task Out_of_band_changes_to_managed_fields_are_reverted_at_the_next_resync_with_an_event_and_the_metric()
    {
        await QuickResyncAsync();
        var names = await NamesAsync("svc-drift");
        var cluster = names.Cluster();
        cluster.Spec.CapacityProviders = ["FARGATE", "FARGATE_SPOT"];
        await stack.Objects.CreateAsync(cluster);
        await stack.Objects.CreateAsync(names.TaskDefinition());
        await stack.Objects.CreateAsync(names.Service(spec =>
        {
            spec.LaunchType = null;
            spec.CapacityProviderStrategy = [new() { CapacityProvider = "FARGATE", Weight = 1 }];
        }));
        var ready = await stack.Objects.WaitReadyAsync<V1alpha1Service>(names.Namespace, "web", RolloutTimeout);
        string[] fields = ["taskDefinition", "deploymentConfiguration", "networkConfiguration", "capacityProviderStrategy", "tags"];
        var before = await Task.WhenAll(fields.Select(DriftCorrectionsAsync));

        // Someone runs the aws CLI: another revision, a lower minimum, other subnets, Fargate Spot, another tag value.
        var foreign = await stack.Ecs.RegisterTaskDefinitionAsync(new Ecs.RegisterTaskDefinitionRequest { Family = names.Family, ContainerDefinitions = [new() { Name = "web", Image = "nginx:by-hand", Memory = 512 }] }, Ct);
        await stack.Ecs.UpdateServiceAsync(
            new Ecs.UpdateServiceRequest
            {
                Cluster = names.ClusterName,
                Service = names.ServiceName,
                TaskDefinition = foreign.TaskDefinition!.TaskDefinitionArn,
                DeploymentConfiguration = new() { MaximumPercent = 200, MinimumHealthyPercent = 50, DeploymentCircuitBreaker = new() { Enable = true, Rollback = true } },
                NetworkConfiguration = new() { AwsvpcConfiguration = new() { Subnets = ["subnet-c"], SecurityGroups = ["sg-1"], AssignPublicIp = "DISABLED" } },
                CapacityProviderStrategy = [new() { CapacityProvider = "FARGATE_SPOT", Weight = 1 }],
                ForceNewDeployment = true,
            },
            Ct);
        await stack.Ecs.TagResourceAsync(new Ecs.TagResourceRequest { ResourceArn = ready.Status.Arn, Tags = [new() { Key = "app", Value = "by-hand" }] }, Ct);

        Assert.True(
            await Eventually.TrueAsync(async () => (await Task.WhenAll(fields.Select(DriftCorrectionsAsync))).Zip(before).All(c => c.First > c.Second), RolloutTimeout),
            $"drift corrections by field: {string.Join(", ", fields.Zip(await Task.WhenAll(fields.Select(DriftCorrectionsAsync)), (f, c) => $"{f}={c}"))}");
        var back = await stack.Objects.WaitForAsync<V1alpha1Service>(names.Namespace, "web",
            s => KubeObjects.IsReady(s) && s.Status.TaskDefinition == ready.Status.TaskDefinition, "Ready on its own revision again", RolloutTimeout);
        var service = (await stack.Ecs.ServiceAsync(names.ClusterName, names.ServiceName))!;
        Assert.Equal((ready.Status.TaskDefinition, 100), (service.TaskDefinition, service.DeploymentConfiguration!.MinimumHealthyPercent));
        Assert.Equal(["subnet-a", "subnet-b"], service.NetworkConfiguration!.AwsvpcConfiguration!.Subnets!.Order());
        Assert.Equal("FARGATE", Assert.Single(service.CapacityProviderStrategy!).CapacityProvider);
        Assert.Equal("web", service.Tags.TagMap()["app"]);
        Assert.Equal(1, back.Metadata.Generation);
        Assert.Contains("DriftCorrected", await stack.Objects.EventReasonsAsync(names.Namespace, "web", "DriftCorrected"));
    }

    [Fact]
    public async Task A_fargate_service_moves_to_a_capacity_provider_strategy_and_back_to_its_launch_type_with_one_forced_update_each()
    {
        var names = await NamesAsync("svc-capacity");
        await stack.Objects.CreateAsync(names.Cluster());
        await stack.Objects.CreateAsync(names.TaskDefinition());
        await stack.Objects.CreateAsync(names.Service());
        var primary = PrimaryOf(await stack.Objects.WaitReadyAsync<V1alpha1Service>(names.Namespace, "web", RolloutTimeout));
        var updates = stack.Proxy.Stats.For("ecs", "UpdateService").Calls;

        await stack.Objects.UpdateAsync<V1alpha1Service>(names.Namespace, "web", s =>
        {
            s.Spec.LaunchType = null;
            s.Spec.CapacityProviderStrategy = [new() { CapacityProvider = "FARGATE", Weight = 1 }];
        });
        primary = PrimaryOf(await WaitRolledAsync(names, primary));
        var onStrategy = (await stack.Ecs.ServiceAsync(names.ClusterName, names.ServiceName))!;
        Assert.Equal((null, "FARGATE"), (onStrategy.LaunchType, Assert.Single(onStrategy.CapacityProviderStrategy!).CapacityProvider));
        Assert.Equal(updates + 1, stack.Proxy.Stats.For("ecs", "UpdateService").Calls);

        await stack.Objects.UpdateAsync<V1alpha1Service>(names.Namespace, "web", s =>
        {
            s.Spec.LaunchType = "FARGATE";
            s.Spec.CapacityProviderStrategy = null;
        });
        await WaitRolledAsync(names, primary);
        var back = (await stack.Ecs.ServiceAsync(names.ClusterName, names.ServiceName))!;
        Assert.Equal("FARGATE", back.LaunchType);
        Assert.True(back.CapacityProviderStrategy is null or { Count: 0 }, "ECS still reports a capacity provider strategy");
        Assert.Equal(updates + 2, stack.Proxy.Stats.For("ecs", "UpdateService").Calls);
    }

    [Fact]
    public async Task An_out_of_band_switch_to_a_capacity_provider_strategy_goes_back_to_the_specs_launch_type_with_an_event_and_the_metric()
    {
        await QuickResyncAsync();
        var names = await NamesAsync("svc-cp-drift");
        var cluster = names.Cluster();
        cluster.Spec.CapacityProviders = ["FARGATE", "FARGATE_SPOT"];
        await stack.Objects.CreateAsync(cluster);
        await stack.Objects.CreateAsync(names.TaskDefinition());
        await stack.Objects.CreateAsync(names.Service());
        var primary = PrimaryOf(await stack.Objects.WaitReadyAsync<V1alpha1Service>(names.Namespace, "web", RolloutTimeout));
        var before = await DriftCorrectionsAsync("capacityProviderStrategy");

        await stack.Ecs.UpdateServiceAsync(new Ecs.UpdateServiceRequest { Cluster = names.ClusterName, Service = names.ServiceName, CapacityProviderStrategy = [new() { CapacityProvider = "FARGATE_SPOT", Weight = 1 }], ForceNewDeployment = true }, Ct);

        Assert.True(await Eventually.TrueAsync(async () => await DriftCorrectionsAsync("capacityProviderStrategy") > before, RolloutTimeout), "the strategy drift was not corrected");
        await WaitRolledAsync(names, primary);
        var service = (await stack.Ecs.ServiceAsync(names.ClusterName, names.ServiceName))!;
        Assert.Equal("FARGATE", service.LaunchType);
        Assert.True(service.CapacityProviderStrategy is null or { Count: 0 }, "ECS still reports a capacity provider strategy");
        Assert.Contains("DriftCorrected", await stack.Objects.EventReasonsAsync(names.Namespace, "web", "DriftCorrected"));
    }

    private static string? PrimaryOf(V1alpha1Service service) => service.Status.Deployments?.SingleOrDefault(d => d.Status == "PRIMARY")?.Id;

    /// <summary>Ready on a PRIMARY deployment other than <paramref name="primary"/>: a new deployment rolled out.</summary>
    private Task<V1alpha1Service> WaitRolledAsync(ServiceStack names, string? primary) =>
        stack.Objects.WaitForAsync<V1alpha1Service>(names.Namespace, "web",
            s => KubeObjects.IsReady(s) && PrimaryOf(s) is { } id && id != primary, "Ready on a new PRIMARY deployment", RolloutTimeout);

    /// <summary>Restarts the operator with the short resync period (and a fresh metrics registry).</summary>
    private async Task QuickResyncAsync()
    {
        await stack.StopOperatorAsync();
        await stack.StartOperatorAsync(adjust: options => options with { ResyncPeriod = Resync });
    }

    private async Task<ServiceStack> NamesAsync(string prefix)
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique(prefix));
        return new ServiceStack(ns, TestNames.Unique("svc-cl"), TestNames.Unique("svc-td"), TestNames.Unique("svc"));
    }

    private async Task ScaleOutOfBandAsync(ServiceStack names, int count) =>
        await stack.Ecs.UpdateServiceAsync(new Ecs.UpdateServiceRequest { Cluster = names.ClusterName, Service = names.ServiceName, DesiredCount = count }, Ct);

    /// <summary>The status (written by a reconcile) shows ECS running exactly <paramref name="count"/> tasks, Ready.</summary>
    private Task<V1alpha1Service> WaitRunningAsync(ServiceStack names, int count) =>
        stack.Objects.WaitForAsync<V1alpha1Service>(names.Namespace, "web",
            s => KubeObjects.IsReady(s) && s.Status.DesiredCount == count && s.Status.RunningCount == count, $"Ready with {count} running", RolloutTimeout);

    private Task<double> DesiredCountCorrectionsAsync() => DriftCorrectionsAsync("desiredCount");

    private Task<double> DriftCorrectionsAsync(string field) =>
        stack.MetricAsync("ecs_operator_drift_corrections_total", ("kind", "Service"), ("field", field));

    /// <summary>
    /// Waits until every controller has started <paramref name="count"/> more resync sweeps and the reconciles grew by
    /// <paramref name="count"/> × the number of objects: the resyncs have run, whatever their timing.
    /// </summary>
    private async Task WaitForResyncsAsync(int count)
    {
        var objects = 0;
        foreach (var plural in Plurals)
        {
            var list = (JsonObject)JsonNode.Parse(KubernetesJson.Serialize(await stack.Objects.Client.CustomObjects.ListCustomObjectForAllNamespacesAsync(EntityGroup.Group, EntityGroup.Version, plural, cancellationToken: Ct)))!;
            objects += list["items"]!.AsArray().Count;
        }

        var sweeps = await Task.WhenAll(Controllers.Select(c => stack.MetricAsync("ecs_operator_resync_sweeps_total", ("controller", c))));
        var reconciles = await stack.MetricAsync("controller_runtime_reconcile_total");
        var done = await Eventually.TrueAsync(
            async () =>
            {
                var now = await Task.WhenAll(Controllers.Select(c => stack.MetricAsync("ecs_operator_resync_sweeps_total", ("controller", c))));
                return now.Zip(sweeps).All(s => s.First >= s.Second + count)
                    && await stack.MetricAsync("controller_runtime_reconcile_total") >= reconciles + (count * objects);
            },
            (Resync * (count + 2)) + KubeObjects.DefaultTimeout);
        Assert.True(done, $"{count} resyncs of {objects} objects did not complete");
    }

    /// <summary>AWS calls that change something (every operation but Describe*, List*, Get*), by operation.</summary>
    private Dictionary<string, long> MutatingCalls() => stack.Proxy.Stats.Operations()
        .Where(o => !o.Operation.StartsWith("Describe", StringComparison.Ordinal) && !o.Operation.StartsWith("List", StringComparison.Ordinal) && !o.Operation.StartsWith("Get", StringComparison.Ordinal))
        .ToDictionary(o => $"{o.Service}:{o.Operation}", o => o.Calls);

    private static List<string> Increase(Dictionary<string, long> before, Dictionary<string, long> after) =>
        [.. after.Where(a => a.Value > before.GetValueOrDefault(a.Key)).Select(a => $"{a.Key} +{a.Value - before.GetValueOrDefault(a.Key)}")];

    /// <summary>A status write, an Event, or a merge patch of nothing but metadata.finalizers (and the resourceVersion guarding it).</summary>
    private static bool StatusFinalizersOrEvents(KubeWrite write)
    {
        var segments = write.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments[^1] == "status" || segments[^1] == "events" || (segments.Length > 1 && segments[^2] == "events"))
        {
            return true;
        }

        return write.Method == "PATCH"
            && JsonNode.Parse(write.Body) is JsonObject { Count: 1 } patch
            && patch["metadata"] is JsonObject metadata
            && metadata.All(field => field.Key is "finalizers" or "resourceVersion");
    }

    /// <summary>
    /// The objects as a multi-document YAML file, without status. Each document is JSON (which is YAML); the file starts
    /// with a separator, since kubectl reads a file that starts with "{" as one JSON stream.
    /// </summary>
    private static string Manifests(params IEcsResource[] objects)
    {
        var documents = new List<string>();
        foreach (var obj in objects)
        {
            var node = (JsonObject)JsonNode.Parse(KubernetesJson.Serialize(obj))!;
            node.Remove("status");
            documents.Add(node.ToJsonString());
        }

        return string.Concat(documents.Select(d => $"---\n{d}\n"));
    }
}
