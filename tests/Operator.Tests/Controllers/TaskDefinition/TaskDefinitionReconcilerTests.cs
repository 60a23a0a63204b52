using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Efs;
using EcsOperator.Aws.Iam;
using EcsOperator.Controllers.Shared;
using EcsOperator.Controllers.TaskDefinition;
using EcsOperator.Entities;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Runtime.Status;
using EcsOperator.Tests.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Tests.Controllers.TaskDefinition;

/// <summary>The reconciler against a scripted ECS: registering only when no owned revision matches.</summary>
public sealed class TaskDefinitionReconcilerTests
{
    private const string ClusterId = "uid-1";
    private const string Family = "web";
    private static readonly ReconcileRequest Request = new("ns", "web");
    private readonly FakeKubeClient<V1alpha1TaskDefinition> _kube = new();
    private readonly ObjectCache<V1alpha1TaskDefinition> _cache = new();
    private readonly ObjectCache<V1alpha1Service> _services = new([new IndexDefinition<V1alpha1Service>(Indexes.TaskDefinitionRef, Indexes.TaskDefinitionRefOf)]);
    private readonly ScriptedApi<IEcsApi> _ecs = Scripted.For<IEcsApi>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static V1alpha1TaskDefinition Object(string image = "nginx:1.27") => new()
    {
        Metadata = new() { Name = "web", NamespaceProperty = "ns", Finalizers = [WellKnown.Finalizer] },
        Spec = new TaskDefinitionSpec
        {
            Family = Family,
            Cpu = "256",
            Memory = "512",
            NetworkMode = "awsvpc",
            RequiresCompatibilities = ["FARGATE"],
            ContainerDefinitions = [new ContainerDefinition { Name = "web", Image = image }],
        },
    };

    private static string Arn(int revision) => $"arn:aws:ecs:us-east-1:123456789012:task-definition/{Family}:{revision}";

    private static Ecs.DescribeTaskDefinitionResponse Revision(int revision, string? hash, bool owned = true) => new()
    {
        TaskDefinition = new Ecs.TaskDefinition { TaskDefinitionArn = Arn(revision), Family = Family, Revision = revision, Status = "ACTIVE" },
        Tags = owned
            ? [new Ecs.Tag { Key = WellKnown.OwnerTag, Value = "ns/TaskDefinition/web" }, new Ecs.Tag { Key = WellKnown.ClusterIdTag, Value = ClusterId }, new Ecs.Tag { Key = TaskDefinitionSpecHash.TagKey, Value = hash }]
            : [],
    };

    private TaskDefinitionReconciler Reconciler(V1alpha1TaskDefinition obj)
    {
        _kube.Apply(obj);
        _cache.Upsert(_kube.Peek(Request.ToString())!);
        var status = new StatusReporter<V1alpha1TaskDefinition>(new StatusWriter<V1alpha1TaskDefinition>(_kube, _cache), new RecordingEvents(), TimeProvider.System, NullLogger<StatusReporter<V1alpha1TaskDefinition>>.Instance);
        var options = new ControllerOptions { ClusterId = ClusterId };
        var services = new ReconcileServices<V1alpha1TaskDefinition>(status, new ClusterIdentity(options, _kube), options, NullLogger<ReconcileServices<V1alpha1TaskDefinition>>.Instance);
        var dependencies = new TaskDefinitionDependencies(Scripted.For<IIamApi>().Api, Scripted.For<IEfsApi>().Api);
        return new TaskDefinitionReconciler(services, new TaskDefinitionManager(_ecs.Api, status), dependencies, _services);
    }

    private EcsOperator.Entities.TaskDefinitionStatus Status => _kube.Peek(Request.ToString())!.Status;

    private Task<ReconcileResult> ReconcileAsync(V1alpha1TaskDefinition obj) => Reconciler(obj).ReconcileAsync(Cached(), Ct);

    private Task<ReconcileResult> FinalizeAsync(V1alpha1TaskDefinition obj) => Reconciler(obj).FinalizeAsync(Cached(), Ct);

    /// <summary>What the runtime hands the reconciler: the object as the cache holds it.</summary>
    private V1alpha1TaskDefinition Cached() => _cache.Get(Request)!;

    [Fact]
    public async Task A_revision_registered_before_a_crash_is_found_not_registered_again()
    {
        var hash = TaskDefinitionRequest.HashOf(Object().Spec, Family);
        _ecs.On<Ecs.ListTaskDefinitionsRequest, Ecs.ListTaskDefinitionsResponse>(_ => new() { TaskDefinitionArns = [Arn(1)] })
            .On<Ecs.DescribeTaskDefinitionRequest, Ecs.DescribeTaskDefinitionResponse>(_ => Revision(1, hash));

        await ReconcileAsync(Object());

        Assert.DoesNotContain("RegisterTaskDefinition", _ecs.Calls);
        Assert.Equal((Arn(1), 1, 1), (Status.Arn, Status.Revision, Status.ActiveRevisions));
    }

    [Fact]
    public async Task A_foreign_revision_with_the_same_content_is_not_absorbed()
    {
        var hash = TaskDefinitionRequest.HashOf(Object().Spec, Family);
        Ecs.RegisterTaskDefinitionRequest? registered = null;
        _ecs.On<Ecs.ListTaskDefinitionsRequest, Ecs.ListTaskDefinitionsResponse>(_ => new() { TaskDefinitionArns = [Arn(1)] })
            .On<Ecs.DescribeTaskDefinitionRequest, Ecs.DescribeTaskDefinitionResponse>(_ => Revision(1, hash, owned: false))
            .On<Ecs.RegisterTaskDefinitionRequest, Ecs.RegisterTaskDefinitionResponse>(r =>
            {
                registered = r;
                return new() { TaskDefinition = new Ecs.TaskDefinition { TaskDefinitionArn = Arn(2), Revision = 2, Status = "ACTIVE" } };
            });

        await ReconcileAsync(Object());

        Assert.Equal(hash, registered!.Tags!.Single(t => t.Key == TaskDefinitionSpecHash.TagKey).Value);
        Assert.Equal(2, Status.Revision);
        Assert.DoesNotContain("DeregisterTaskDefinition", _ecs.Calls);
    }

    [Fact]
    public async Task Steady_state_resync_costs_one_describe()
    {
        var obj = Object();
        var hash = TaskDefinitionRequest.HashOf(obj.Spec, Family);
        obj.Status = new EcsOperator.Entities.TaskDefinitionStatus { Arn = Arn(3), Family = Family, Revision = 3, ActiveRevisions = 1, RecentRevisions = [3] };
        _ecs.On<Ecs.DescribeTaskDefinitionRequest, Ecs.DescribeTaskDefinitionResponse>(_ => Revision(3, hash));

        var result = await ReconcileAsync(obj);

        Assert.Equal(["DescribeTaskDefinition"], _ecs.Calls);
        Assert.Equal(ConditionStatus.True, Status.Conditions.Single(c => c.Type == ConditionTypes.Ready).Status);
        Assert.Equal(ReconcileResult.Done, result); // the runtime's resync is the only requeue of a converged object
    }

    [Fact]
    public async Task Delete_deregisters_owned_revisions_from_every_page_then_deletes_them()
    {
        var deregistered = new List<string>();
        var deleted = new List<string>();
        _ecs.On<Ecs.ListTaskDefinitionsRequest, Ecs.ListTaskDefinitionsResponse>(r => (r.Status, r.NextToken) switch
            {
                ("ACTIVE", null) => new() { TaskDefinitionArns = [Arn(1), Arn(2)], NextToken = "page-2" },
                ("ACTIVE", "page-2") => new() { TaskDefinitionArns = [Arn(3), Arn(4)] },
                _ => new() { TaskDefinitionArns = [.. deregistered] },
            })
            .On<Ecs.DescribeTaskDefinitionRequest, Ecs.DescribeTaskDefinitionResponse>(r => Revision(int.Parse(r.TaskDefinition![^1..], System.Globalization.CultureInfo.InvariantCulture), "h", owned: r.TaskDefinition != Arn(2)))
            .On<Ecs.DeregisterTaskDefinitionRequest, Ecs.DeregisterTaskDefinitionResponse>(r =>
            {
                deregistered.Add(r.TaskDefinition!);
                return new();
            })
            .On<Ecs.DeleteTaskDefinitionsRequest, Ecs.DeleteTaskDefinitionsResponse>(r =>
            {
                deleted.AddRange(r.TaskDefinitions!);
                return new();
            });

        var result = await FinalizeAsync(Object());

        Assert.Null(result.RequeueAfter);
        Assert.Equal([Arn(1), Arn(3), Arn(4)], deregistered);
        Assert.Equal([Arn(1), Arn(3), Arn(4)], deleted);
    }

    [Fact]
    public async Task Revisions_ecs_does_not_list_as_inactive_yet_are_deleted_in_the_same_pass()
    {
        var deleted = new List<string>();
        _ecs.On<Ecs.ListTaskDefinitionsRequest, Ecs.ListTaskDefinitionsResponse>(r => r.Status == "ACTIVE" ? new() { TaskDefinitionArns = [Arn(1), Arn(2)] } : new())
            .On<Ecs.DescribeTaskDefinitionRequest, Ecs.DescribeTaskDefinitionResponse>(r => Revision(int.Parse(r.TaskDefinition![^1..], System.Globalization.CultureInfo.InvariantCulture), "h"))
            .On<Ecs.DeregisterTaskDefinitionRequest, Ecs.DeregisterTaskDefinitionResponse>(_ => new())
            .On<Ecs.DeleteTaskDefinitionsRequest, Ecs.DeleteTaskDefinitionsResponse>(r =>
            {
                deleted.AddRange(r.TaskDefinitions!);
                return new();
            });

        var result = await FinalizeAsync(Object());

        Assert.Null(result.RequeueAfter);
        Assert.Equal([Arn(1), Arn(2)], deleted);
    }

    [Theory]
    [InlineData("ref", null)]
    [InlineData("literal", "web:2")]
    [InlineData("literal-arn", "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1")]
    public async Task Delete_waits_while_a_service_uses_a_revision_and_names_it(string name, string? literal)
    {
        _ecs.On<Ecs.ListTaskDefinitionsRequest, Ecs.ListTaskDefinitionsResponse>(r => r.Status == "ACTIVE" ? new() { TaskDefinitionArns = [Arn(1), Arn(2)] } : new())
            .On<Ecs.DescribeTaskDefinitionRequest, Ecs.DescribeTaskDefinitionResponse>(r => Revision(int.Parse(r.TaskDefinition![^1..], System.Globalization.CultureInfo.InvariantCulture), "h"));
        _services.Upsert(new V1alpha1Service
        {
            Metadata = new() { Name = name, NamespaceProperty = literal is null ? "ns" : "elsewhere" },
            Spec = new ServiceSpec { TaskDefinitionRef = literal is null ? new() { Name = "web" } : null, TaskDefinition = literal },
        });
        _services.Upsert(new V1alpha1Service
        {
            Metadata = new() { Name = "other-family", NamespaceProperty = "ns" },
            Spec = new ServiceSpec { TaskDefinition = "api:1" },
            Status = new ServiceStatus { TaskDefinition = "arn:aws:ecs:us-east-1:123456789012:task-definition/api:1" },
        });

        var result = await FinalizeAsync(Object());

        Assert.NotNull(result.RequeueAfter);
        Assert.DoesNotContain("DeregisterTaskDefinition", _ecs.Calls);
        var reconciling = Status.Conditions.Single(c => c.Type == ConditionTypes.Reconciling);
        Assert.Equal("DependentsExist", reconciling.Reason);
        Assert.EndsWith($"waiting for 1 Service(s) that use this task definition to be deleted: {name}", reconciling.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revision_ecs_fails_to_delete_keeps_the_finalizer_and_is_named()
    {
        _ecs.On<Ecs.ListTaskDefinitionsRequest, Ecs.ListTaskDefinitionsResponse>(r => r.Status == "ACTIVE" ? new() { TaskDefinitionArns = [Arn(1)] } : new())
            .On<Ecs.DescribeTaskDefinitionRequest, Ecs.DescribeTaskDefinitionResponse>(_ => Revision(1, "h"))
            .On<Ecs.DeregisterTaskDefinitionRequest, Ecs.DeregisterTaskDefinitionResponse>(_ => new())
            .On<Ecs.DeleteTaskDefinitionsRequest, Ecs.DeleteTaskDefinitionsResponse>(_ => new()
            {
                Failures = [new Ecs.Failure { Arn = Arn(1), Reason = "TASK_DEFINITION_IN_USE" }],
            });

        var result = await FinalizeAsync(Object());

        Assert.NotNull(result.RequeueAfter);
        var reconciling = Status.Conditions.Single(c => c.Type == ConditionTypes.Reconciling);
        Assert.Contains(Arn(1), reconciling.Message, StringComparison.Ordinal);
        Assert.Contains("TASK_DEFINITION_IN_USE", reconciling.Message, StringComparison.Ordinal);
    }
}
