using EcsOperator.Entities;
using EcsOperator.IntegrationTests.Controllers;
using EcsOperator.Testing;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace EcsOperator.ReliabilityTests.Tenancy;

/// <summary>
/// Issue 14 scenario 6 (the rest lives where it was written first: an unowned same-name cluster refused until adopted,
/// ClusterControllerTests; Retain, ClusterControllerTests and TaskDefinitionControllerTests; a foreign revision never
/// absorbed, TaskDefinitionReconcilerTests). Two operators with different cluster-ids share one moto account and run
/// the same-named stack in two namespaces through create, update and delete; neither ever mutates what the other owns,
/// even with the adopt annotation. The mutating calls each phase may make are counted at the fault proxy.
/// </summary>
public sealed class TenancyTests(OperatorStack stack) : IClassFixture<OperatorStack>
{
    private static readonly string[] ClusterAndServiceMutations =
        ["CreateCluster", "UpdateCluster", "PutClusterCapacityProviders", "DeleteCluster", "CreateService", "UpdateService", "DeleteService", "TagResource", "UntagResource"];

    [Fact]
    public async Task Two_cluster_ids_run_the_same_named_stack_and_never_touch_each_others_resources()
    {
        await stack.StopOperatorAsync(); // only the two tenants' operators run in this class
        var names = new ServiceStack(string.Empty, TestNames.Unique("tenancy"), TestNames.Unique("tenancy-web"), "web");
        await using var a = await Tenant.StartAsync(stack, "tenant-a", names with { Namespace = TestNames.Unique("tenant-a") });
        await using var b = await Tenant.StartAsync(stack, "tenant-b", names with { Namespace = TestNames.Unique("tenant-b") });

        var owned = await CreateAsync(a);
        var before = Mutations();

        // B's same-named stack, with the adopt annotation on its Cluster and Service: its Service names the cluster directly, so it finds A's service.
        await ApplyAdoptingAsync(b);
        var refused = await stack.Objects.WaitConditionAsync<V1alpha1Cluster>(b.Namespace, "demo", ConditionTypes.Stalled, "AlreadyExists");
        Assert.Contains(WellKnown.ClusterIdTag, KubeObjects.Condition(refused, ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);
        await stack.Objects.WaitConditionAsync<V1alpha1Service>(b.Namespace, "web", ConditionTypes.Stalled, "AlreadyExists");
        var bRevision = (await stack.Objects.WaitReadyAsync<V1alpha1TaskDefinition>(b.Namespace, "web")).Status.Arn!;
        Assert.Equal(before, Mutations());
        await AssertStillAsAsync(a, owned);

        // A rolls to a new image; B's revision in the shared family stays.
        await stack.Objects.UpdateAsync<V1alpha1TaskDefinition>(a.Namespace, "web", td => td.Spec.ContainerDefinitions[0].Image = "nginx:1.28");
        var rolled = await stack.Objects.WaitForAsync<V1alpha1Service>(a.Namespace, "web", s => KubeObjects.IsReady(s) && s.Status.TaskDefinition != owned.Revision, "rolled to the new revision");
        owned = owned with { Revision = rolled.Status.TaskDefinition! };
        Assert.Contains(bRevision, await stack.Ecs.RevisionArnsAsync(names.Family));

        // B goes: only its own revision is retired.
        before = Mutations();
        await DeleteAsync(b);
        Assert.Equal(before, Mutations());
        Assert.DoesNotContain(bRevision, await stack.Ecs.RevisionArnsAsync(names.Family));
        await AssertStillAsAsync(a, owned);

        await DeleteAsync(a);
        Assert.Empty(await stack.Ecs.RevisionArnsAsync(names.Family));
        Assert.Equal("INACTIVE", (await stack.Ecs.ClusterAsync(names.ClusterName))?.Status ?? "INACTIVE");
    }

    [Fact]
    public async Task A_service_never_resolves_a_task_definition_from_another_namespace()
    {
        await stack.StopOperatorAsync();
        using var host = stack.BuildOperator(options => options with { ClusterId = "tenant-all" });
        await host.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            await AssertRefusedAcrossNamespacesAsync();
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private async Task AssertRefusedAcrossNamespacesAsync()
    {
        var other = new ServiceStack(await stack.Objects.CreateNamespaceAsync(TestNames.Unique("ref-other")), TestNames.Unique("ref"), TestNames.Unique("ref-web"), "web");
        var mine = other with { Namespace = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("ref-mine")) };
        await stack.Objects.CreateAsync(other.TaskDefinition());
        await stack.Objects.WaitReadyAsync<V1alpha1TaskDefinition>(other.Namespace, "web");
        await stack.Objects.CreateAsync(mine.Cluster());
        await stack.Objects.WaitReadyAsync<V1alpha1Cluster>(mine.Namespace, "demo");
        var creates = stack.Proxy.Stats.For("ecs", "CreateService").Calls;

        await stack.Objects.CreateAsync(mine.Service());
        var waiting = await stack.Objects.WaitConditionAsync<V1alpha1Service>(mine.Namespace, "web", ConditionTypes.Reconciling, "DependencyNotReady");

        Assert.Contains("web", KubeObjects.Condition(waiting, ConditionTypes.Reconciling)!.Message, StringComparison.Ordinal);
        Assert.Equal(creates, stack.Proxy.Stats.For("ecs", "CreateService").Calls);
        Assert.Null(await stack.Ecs.ServiceAsync(mine.ClusterName, mine.ServiceName));
    }

    /// <summary>What A owns, as AWS shows it once A's stack is Ready.</summary>
    private sealed record Owned(string ClusterArn, string ServiceArn, string Revision);

    private async Task<Owned> CreateAsync(Tenant tenant)
    {
        await stack.Objects.CreateAsync(tenant.Stack.Cluster());
        await stack.Objects.CreateAsync(tenant.Stack.TaskDefinition());
        await stack.Objects.CreateAsync(tenant.Stack.Service());
        var cluster = await stack.Objects.WaitReadyAsync<V1alpha1Cluster>(tenant.Namespace, "demo");
        var service = await stack.Objects.WaitReadyAsync<V1alpha1Service>(tenant.Namespace, "web");
        return new Owned(cluster.Status.Arn!, service.Status.Arn!, service.Status.TaskDefinition!);
    }

    private async Task ApplyAdoptingAsync(Tenant tenant)
    {
        var adopt = new Dictionary<string, string> { [WellKnown.AdoptAnnotation] = "true" };
        var cluster = tenant.Stack.Cluster();
        cluster.Metadata.Annotations = adopt;
        // Not on the TaskDefinition: an adopted object defaults to Retain, and B's own revision should go with it.
        var taskDefinition = tenant.Stack.TaskDefinition();
        var service = tenant.Stack.Service(s =>
        {
            s.ClusterRef = null;
            s.Cluster = tenant.Stack.ClusterName;
            s.DesiredCount = 5;
        });
        service.Metadata.Annotations = adopt;
        await stack.Objects.CreateAsync(cluster);
        await stack.Objects.CreateAsync(taskDefinition);
        await stack.Objects.CreateAsync(service);
    }

    private async Task DeleteAsync(Tenant tenant)
    {
        await stack.Objects.DeleteAsync<V1alpha1Service>(tenant.Namespace, "web");
        await stack.Objects.DeleteAsync<V1alpha1TaskDefinition>(tenant.Namespace, "web");
        await stack.Objects.DeleteAsync<V1alpha1Cluster>(tenant.Namespace, "demo");
        await stack.Objects.WaitGoneAsync<V1alpha1Service>(tenant.Namespace, "web");
        await stack.Objects.WaitGoneAsync<V1alpha1TaskDefinition>(tenant.Namespace, "web");
        await stack.Objects.WaitGoneAsync<V1alpha1Cluster>(tenant.Namespace, "demo");
    }

    /// <summary>A's cluster and service are ACTIVE, still tagged as A's, and the service runs A's revision at A's count.</summary>
    private async Task AssertStillAsAsync(Tenant tenant, Owned owned)
    {
        var cluster = (await stack.Ecs.ClusterAsync(tenant.Stack.ClusterName))!;
        Assert.Equal(("ACTIVE", owned.ClusterArn), (cluster.Status, cluster.ClusterArn));
        Assert.Equal(tenant.ClusterId, cluster.Tags.TagMap()[WellKnown.ClusterIdTag]);
        Assert.Equal($"{tenant.Namespace}/Cluster/demo", cluster.Tags.TagMap()[WellKnown.OwnerTag]);
        var service = (await stack.Ecs.ServiceAsync(tenant.Stack.ClusterName, tenant.Stack.ServiceName))!;
        Assert.Equal(("ACTIVE", owned.ServiceArn, owned.Revision, 2), (service.Status, service.ServiceArn, service.TaskDefinition, service.DesiredCount ?? 0));
    }

    /// <summary>Successful cluster and service mutations so far, by operation.</summary>
    private string Mutations() =>
        string.Join(", ", ClusterAndServiceMutations.Select(op => $"{op}={stack.Proxy.Stats.For("ecs", op).Succeeded}"));
}
