using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Efs;
using EcsOperator.Aws.Iam;
using EcsOperator.Controllers.Shared;
using EcsOperator.Controllers.TaskDefinition;
using EcsOperator.Entities;
using EcsOperator.Hosting;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Runtime.Status;
using EcsOperator.Tests.Runtime;
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
    private readonly ScriptedApi<IEcsApi> _ecs = Scripted.For<IEcsApi>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The object as the runtime hands it over: a copy from the cache that <c>Reconciler</c> filled.</summary>
    private V1alpha1TaskDefinition Cached => _cache.Get(Request)!;

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
        var status = new StatusReporter<V1alpha1TaskDefinition>(new StatusWriter<V1alpha1TaskDefinition>(_kube, _cache), new RecordingEvents(), TimeProvider.System);
        var options = new OperatorOptions { ClusterId = ClusterId };
        var dependencies = new TaskDefinitionDependencies(Scripted.For<IIamApi>().Api, Scripted.For<IEfsApi>().Api);
        return new TaskDefinitionReconciler(new TaskDefinitionManager(_ecs.Api, status), dependencies, status, new ClusterIdentity(options, _kube), options);
    }

    private EcsOperator.Entities.TaskDefinitionStatus Status => _kube.Peek(Request.ToString())!.Status;

    [Fact]
    public async Task A_revision_registered_before_a_crash_is_found_not_registered_again()
    {
        var hash = TaskDefinitionRequest.HashOf(Object().Spec, Family);
        _ecs.On<Ecs.ListTaskDefinitionsRequest, Ecs.ListTaskDefinitionsResponse>(_ => new() { TaskDefinitionArns = [Arn(1)] })
            .On<Ecs.DescribeTaskDefinitionRequest, Ecs.DescribeTaskDefinitionResponse>(_ => Revision(1, hash));

        await Reconciler(Object()).ReconcileAsync(Cached, Ct);

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

        await Reconciler(Object()).ReconcileAsync(Cached, Ct);

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

        var result = await Reconciler(obj).ReconcileAsync(Cached, Ct);

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

        var result = await Reconciler(Object()).FinalizeAsync(Cached, Ct);

        Assert.Null(result.RequeueAfter);
        Assert.Equal([Arn(1), Arn(3), Arn(4)], deregistered);
        Assert.Equal([Arn(1), Arn(3), Arn(4)], deleted);
    }
}
