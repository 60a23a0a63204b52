using System.Net;
using Amazon.Runtime;
using EcsOperator.Aws;
using EcsOperator.Aws.Ecs;
using EcsOperator.Controllers.Cluster;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Runtime.Status;
using EcsOperator.Tests.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Tests.Controllers.Cluster;

/// <summary>The reconciler against a scripted ECS: which calls it makes, and what it reports.</summary>
public sealed class ClusterReconcilerTests
{
    private const string ClusterId = "uid-1";
    private static readonly ReconcileRequest Request = new("ns", "demo");
    private readonly FakeKubeClient<V1alpha1Cluster> _kube = new();
    private readonly ObjectCache<V1alpha1Cluster> _cache = new();
    private readonly ObjectCache<V1alpha1Service> _services = new();
    private readonly ScriptedApi<IEcsApi> _ecs = Scripted.For<IEcsApi>();
    private readonly RecordingEvents _events = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static V1alpha1Cluster Object(Dictionary<string, string>? annotations = null) => new()
    {
        Metadata = new() { Name = "demo", NamespaceProperty = "ns", Annotations = annotations, Finalizers = [WellKnown.Finalizer] },
        Spec = new ClusterSpec { ContainerInsights = "enabled", CapacityProviders = ["FARGATE"], Tags = new Dictionary<string, string> { ["team"] = "a" } },
    };

    private static Ecs.Cluster InAws(bool owned) => new()
    {
        ClusterName = "demo",
        ClusterArn = "arn:aws:ecs:us-east-1:123456789012:cluster/demo",
        Status = "ACTIVE",
        Settings = [new Ecs.ClusterSetting { Name = "containerInsights", Value = "enabled" }],
        CapacityProviders = ["FARGATE"],
        Tags = owned
            ? [new Ecs.Tag { Key = "team", Value = "a" }, new Ecs.Tag { Key = WellKnown.OwnerTag, Value = "ns/Cluster/demo" }, new Ecs.Tag { Key = WellKnown.ClusterIdTag, Value = ClusterId }]
            : [new Ecs.Tag { Key = "team", Value = "a" }],
    };

    private ClusterReconciler Reconciler(V1alpha1Cluster obj)
    {
        _kube.Apply(obj);
        _cache.Upsert(_kube.Peek(Request.ToString())!);
        var status = new StatusReporter<V1alpha1Cluster>(new StatusWriter<V1alpha1Cluster>(_kube, _cache), _events, TimeProvider.System, NullLogger<StatusReporter<V1alpha1Cluster>>.Instance);
        var options = new ControllerOptions { ClusterId = ClusterId };
        var services = new ReconcileServices<V1alpha1Cluster>(status, new ClusterIdentity(options, _kube), options, NullLogger<ReconcileServices<V1alpha1Cluster>>.Instance);
        return new ClusterReconciler(services, new ClusterManager(_ecs.Api, status), _services);
    }

    private Condition? Condition(string type) => _kube.Peek(Request.ToString())!.Status.Conditions.FirstOrDefault(c => c.Type == type);

    private Task<ReconcileResult> ReconcileAsync(V1alpha1Cluster obj) => Reconciler(obj).ReconcileAsync(Cached(), Ct);

    private Task<ReconcileResult> FinalizeAsync(V1alpha1Cluster obj) => Reconciler(obj).FinalizeAsync(Cached(), Ct);

    /// <summary>What the runtime hands the reconciler: the object as the cache holds it.</summary>
    private V1alpha1Cluster Cached() => _cache.Get(Request)!;

    [Fact]
    public async Task An_unchanged_cluster_costs_one_describe_and_no_mutation()
    {
        _ecs.On<Ecs.DescribeClustersRequest, Ecs.DescribeClustersResponse>(_ => new() { Clusters = [InAws(owned: true)] });

        var result = await ReconcileAsync(Object());

        Assert.Equal(["DescribeClusters"], _ecs.Calls);
        Assert.Equal(ConditionStatus.True, Condition(ConditionTypes.Ready)?.Status);
        Assert.Empty(_events.Reasons);
        Assert.Equal(ReconcileResult.Done, result); // the runtime's resync is the only requeue of a converged object
    }

    [Fact]
    public async Task Throttling_is_retried_with_backoff_and_never_reported_as_stalled()
    {
        _ecs.On<Ecs.DescribeClustersRequest, Ecs.DescribeClustersResponse>(_ =>
            throw new ThrottlingException("Rate exceeded", null, ErrorType.Sender, "ThrottlingException", "req-1", HttpStatusCode.BadRequest));

        await Assert.ThrowsAsync<ThrottlingException>(() => ReconcileAsync(Object()));

        Assert.Null(Condition(ConditionTypes.Stalled));
        Assert.Equal(ConditionReasons.Throttled, Condition(ConditionTypes.Reconciling)?.Reason);
        Assert.Contains("Rate exceeded", Condition(ConditionTypes.Reconciling)?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transient_aws_error_shows_reconciling_with_the_aws_message_while_it_is_retried()
    {
        _ecs.On<Ecs.DescribeClustersRequest, Ecs.DescribeClustersResponse>(_ =>
            throw new AwsServiceException("We encountered an internal error", null, ErrorType.Receiver, "ServerException", "req-1", HttpStatusCode.InternalServerError));

        await Assert.ThrowsAsync<AwsServiceException>(() => ReconcileAsync(Object()));

        Assert.Null(Condition(ConditionTypes.Stalled));
        Assert.Equal(ConditionReasons.AwsError, Condition(ConditionTypes.Reconciling)?.Reason);
        Assert.Contains("internal error", Condition(ConditionTypes.Reconciling)?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dropped_connection_shows_reconciling_while_it_is_retried()
    {
        _ecs.On<Ecs.DescribeClustersRequest, Ecs.DescribeClustersResponse>(_ => throw new HttpRequestException("connection reset by peer"));

        await Assert.ThrowsAsync<HttpRequestException>(() => ReconcileAsync(Object()));

        Assert.Equal(ConditionReasons.AwsError, Condition(ConditionTypes.Reconciling)?.Reason);
    }

    [Fact]
    public async Task Access_denied_while_deleting_is_stalled_not_retried_silently()
    {
        _ecs.On<Ecs.DescribeClustersRequest, Ecs.DescribeClustersResponse>(_ => new() { Clusters = [InAws(owned: true)] })
            .On<Ecs.ListServicesRequest, Ecs.ListServicesResponse>(_ => new())
            .On<Ecs.DeleteClusterRequest, Ecs.DeleteClusterResponse>(_ =>
                throw new AccessDeniedException("not allowed to ecs:DeleteCluster", null, ErrorType.Sender, "AccessDeniedException", "req-1", HttpStatusCode.BadRequest));

        var result = await FinalizeAsync(Object());

        Assert.NotNull(result.RequeueAfter);
        Assert.Equal(ConditionReasons.AccessDenied, Condition(ConditionTypes.Stalled)?.Reason);
        Assert.Contains("ecs:DeleteCluster", Condition(ConditionTypes.Stalled)?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paused_object_makes_no_aws_call_and_says_so()
    {
        var result = await ReconcileAsync(Object(new() { [WellKnown.ReconcileAnnotation] = WellKnown.Paused }));

        Assert.Null(result.RequeueAfter);
        Assert.Empty(_ecs.Calls);
        Assert.Equal(ConditionReasons.Paused, Condition(ConditionTypes.Reconciling)?.Reason);
    }

    [Fact]
    public async Task A_paused_object_being_deleted_keeps_its_aws_side()
    {
        var result = await FinalizeAsync(Object(new() { [WellKnown.ReconcileAnnotation] = WellKnown.Paused }));

        Assert.NotNull(result.RequeueAfter); // Done would release the finalizer
        Assert.Empty(_ecs.Calls);
        Assert.Contains("deletion is paused", Condition(ConditionTypes.Reconciling)?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Access_denied_is_stalled_and_looked_at_again_later()
    {
        _ecs.On<Ecs.DescribeClustersRequest, Ecs.DescribeClustersResponse>(_ =>
            throw new AccessDeniedException("not allowed", null, ErrorType.Sender, "AccessDeniedException", "req-1", HttpStatusCode.BadRequest));

        var result = await ReconcileAsync(Object());

        Assert.NotNull(result.RequeueAfter);
        Assert.Equal("AccessDenied", Condition(ConditionTypes.Stalled)?.Reason);
    }

    [Fact]
    public async Task An_unowned_cluster_is_refused_without_any_mutation()
    {
        _ecs.On<Ecs.DescribeClustersRequest, Ecs.DescribeClustersResponse>(_ => new() { Clusters = [InAws(owned: false)] });

        var error = await Assert.ThrowsAsync<TerminalReconcileException>(() => ReconcileAsync(Object()));

        Assert.Equal("AlreadyExists", error.Reason);
        Assert.Equal(["DescribeClusters"], _ecs.Calls);
        Assert.Equal("AlreadyExists", Condition(ConditionTypes.Stalled)?.Reason);
    }

    [Fact]
    public async Task With_the_adopt_annotation_the_cluster_is_tagged_as_ours()
    {
        Ecs.TagResourceRequest? tagged = null;
        _ecs.On<Ecs.DescribeClustersRequest, Ecs.DescribeClustersResponse>(_ => new() { Clusters = [InAws(owned: tagged is not null)] })
            .On<Ecs.TagResourceRequest, Ecs.TagResourceResponse>(r =>
            {
                tagged = r;
                return new();
            });

        await ReconcileAsync(Object(new() { [WellKnown.AdoptAnnotation] = "true" }));

        Assert.Equal("ns/Cluster/demo", tagged!.Tags!.Single(t => t.Key == WellKnown.OwnerTag).Value);
        Assert.Contains("ClusterAdopted", _events.Reasons);
        Assert.Equal(ConditionStatus.True, Condition(ConditionTypes.Ready)?.Status);
    }

    [Fact]
    public async Task A_tag_edit_costs_one_describe_and_the_tag_call_without_a_second_describe()
    {
        _ecs.On<Ecs.DescribeClustersRequest, Ecs.DescribeClustersResponse>(_ => new() { Clusters = [InAws(owned: true)] })
            .On<Ecs.TagResourceRequest, Ecs.TagResourceResponse>(_ => new());
        var edited = Object();
        edited.Spec.Tags!["team"] = "b";

        await ReconcileAsync(edited);

        Assert.Equal(["DescribeClusters", "TagResource"], _ecs.Calls);
        Assert.Equal(ConditionStatus.True, Condition(ConditionTypes.Ready)?.Status);
        Assert.Equal(["team"], _kube.Peek(Request.ToString())!.Status.AppliedTagKeys);
    }

    [Fact]
    public async Task A_settings_edit_is_read_back_after_the_update()
    {
        _ecs.On<Ecs.DescribeClustersRequest, Ecs.DescribeClustersResponse>(_ => new() { Clusters = [InAws(owned: true)] })
            .On<Ecs.UpdateClusterRequest, Ecs.UpdateClusterResponse>(_ => new());
        var edited = Object();
        edited.Spec.ContainerInsights = "disabled";

        await ReconcileAsync(edited);

        Assert.Equal(["DescribeClusters", "UpdateCluster", "DescribeClusters"], _ecs.Calls);
    }

    [Fact]
    public async Task An_invalid_spec_makes_no_aws_call()
    {
        var obj = Object();
        obj.Spec.Tags![WellKnown.Prefix + "mine"] = "x";

        var error = await Assert.ThrowsAsync<TerminalReconcileException>(() => ReconcileAsync(obj));

        Assert.Equal("InvalidSpec", error.Reason);
        Assert.Empty(_ecs.Calls);
        Assert.Contains($"spec.tags[{WellKnown.Prefix}mine]", Condition(ConditionTypes.Stalled)?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_waits_while_a_service_is_active_and_names_it()
    {
        _ecs.On<Ecs.DescribeClustersRequest, Ecs.DescribeClustersResponse>(_ => new() { Clusters = [InAws(owned: true)] })
            .On<Ecs.ListServicesRequest, Ecs.ListServicesResponse>(_ => new() { ServiceArns = ["arn:aws:ecs:us-east-1:123456789012:service/demo/web"] })
            .On<Ecs.DescribeServicesRequest, Ecs.DescribeServicesResponse>(_ => new() { Services = [new Ecs.Service { ServiceName = "web", Status = "ACTIVE" }] });

        var result = await FinalizeAsync(Object());

        Assert.NotNull(result.RequeueAfter);
        Assert.DoesNotContain("DeleteCluster", _ecs.Calls);
        Assert.Equal("DependentsExist", Condition(ConditionTypes.Reconciling)?.Reason);
        Assert.Contains("web", Condition(ConditionTypes.Reconciling)?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_waits_while_a_service_of_this_operator_drains_although_ListServices_omits_it()
    {
        _ecs.On<Ecs.DescribeClustersRequest, Ecs.DescribeClustersResponse>(_ => new() { Clusters = [InAws(owned: true)] })
            .On<Ecs.ListServicesRequest, Ecs.ListServicesResponse>(_ => new() { ServiceArns = [] });
        _services.Upsert(new V1alpha1Service
        {
            Metadata = new() { Name = "web", NamespaceProperty = "other", DeletionTimestamp = DateTime.UtcNow, Finalizers = [WellKnown.Finalizer] },
            Status = new ServiceStatus { ClusterArn = InAws(owned: true).ClusterArn, ServiceName = "web-draining" },
        });
        _services.Upsert(new V1alpha1Service
        {
            Metadata = new() { Name = "elsewhere", NamespaceProperty = "ns" },
            Status = new ServiceStatus { ClusterArn = "arn:aws:ecs:us-east-1:123456789012:cluster/another", ServiceName = "elsewhere" },
        });

        var result = await FinalizeAsync(Object());

        Assert.NotNull(result.RequeueAfter);
        Assert.DoesNotContain("DeleteCluster", _ecs.Calls);
        Assert.Equal("DependentsExist", Condition(ConditionTypes.Reconciling)?.Reason);
        Assert.Contains("waiting for 1 service(s) to leave cluster demo: web-draining", Condition(ConditionTypes.Reconciling)?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_never_touches_a_cluster_it_does_not_own()
    {
        _ecs.On<Ecs.DescribeClustersRequest, Ecs.DescribeClustersResponse>(_ => new() { Clusters = [InAws(owned: false)] });

        var result = await FinalizeAsync(Object());

        Assert.Null(result.RequeueAfter);
        Assert.Equal(["DescribeClusters"], _ecs.Calls);
    }
}
