using System.Net;
using Amazon.Runtime;
using EcsOperator.Aws.Ecs;
using EcsOperator.Controllers.Service;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Runtime.Status;
using EcsOperator.Tests.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Prometheus;
using Xunit;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Tests.Controllers.Service;

/// <summary>ECS answers that mean "not yet": Reconciling with a retry for 2 minutes from the first one, then Stalled with ECS's message.</summary>
public sealed class ServiceEventualConsistencyTests
{
    private const string RoleNotYet = "Unable to assume role and validate the specified targetGroupArn. Please verify that the ECS service role being passed has the proper permissions.";
    private static readonly ReconcileRequest Request = new("ns", "web");
    private readonly FakeKubeClient<V1alpha1Service> _kube = new();
    private readonly ObjectCache<V1alpha1Service> _cache = new();
    private readonly ScriptedApi<IEcsApi> _ecs = Scripted.For<IEcsApi>();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
    private ServiceReconciler? _reconciler;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static V1alpha1Service Object(ServiceStatus? status = null) => new()
    {
        Metadata = new() { Name = "web", NamespaceProperty = "ns", Uid = "uid-web", Generation = 1, Finalizers = [WellKnown.Finalizer] },
        Spec = new ServiceSpec { Cluster = "demo", TaskDefinition = "web:1", DesiredCount = 1, LaunchType = "FARGATE" },
        Status = status ?? new ServiceStatus(),
    };

    private static Ecs.InvalidParameterException Rejected(string message) =>
        new(message, null, ErrorType.Sender, "InvalidParameterException", "req-1", HttpStatusCode.BadRequest);

    private ServiceReconciler Reconciler(V1alpha1Service obj)
    {
        _kube.Apply(obj);
        var status = new StatusReporter<V1alpha1Service>(new StatusWriter<V1alpha1Service>(_kube, _cache), new RecordingEvents(), _clock, NullLogger<StatusReporter<V1alpha1Service>>.Instance);
        var options = new ControllerOptions { ClusterId = "cluster-1", ResyncPeriod = TimeSpan.FromMinutes(10) };
        var services = new ReconcileServices<V1alpha1Service>(status, new ClusterIdentity(options, _kube), options, NullLogger<ReconcileServices<V1alpha1Service>>.Instance);
        var bindings = new ObjectCache<V1alpha1LoadBalancerBinding>([new IndexDefinition<V1alpha1LoadBalancerBinding>(Indexes.ServiceRef, Indexes.ServiceRefOf)]);
        var references = new ServiceReferences(new ObjectCache<V1alpha1Cluster>(), new ObjectCache<V1alpha1TaskDefinition>(), bindings, new ReferenceResolver(new ShardScope(null, LabelSelector.Everything), _kube), options);
        return new ServiceReconciler(services, new ServiceManager(_ecs.Api, status), references, new DriftReporter(Metrics.NewCustomRegistry()), _clock);
    }

    /// <summary>A reconcile of the object as the API server holds it now (what the informer would hand over).</summary>
    private Task<ReconcileResult> ReconcileAsync()
    {
        _cache.Upsert(_kube.Peek(Request.ToString())!);
        return _reconciler!.ReconcileAsync(_cache.Get(Request)!, Ct);
    }

    private V1alpha1Service Stored => _kube.Peek(Request.ToString())!;

    private Condition? Condition(string type) => Stored.Status.Conditions.FirstOrDefault(c => c.Type == type && c.Status == ConditionStatus.True);

    private void Missing() =>
        _ecs.On<Ecs.DescribeServicesRequest, Ecs.DescribeServicesResponse>(_ => new() { Failures = [new Ecs.Failure { Arn = "web", Reason = "MISSING" }] });

    [Fact]
    public async Task A_role_ecs_cannot_assume_yet_is_retried_for_two_minutes_then_stalled_with_ecs_message_and_a_success_clears_it()
    {
        _reconciler = Reconciler(Object());
        Missing();
        _ecs.On<Ecs.CreateServiceRequest, Ecs.CreateServiceResponse>(_ => throw Rejected(RoleNotYet));
        var first = _clock.GetUtcNow();

        var result = await ReconcileAsync();
        Assert.Equal((ConditionReasons.AwsError, TimeSpan.FromSeconds(10)), (Condition(ConditionTypes.Reconciling)?.Reason, result.RequeueAfter));
        Assert.Contains(RoleNotYet, Condition(ConditionTypes.Reconciling)!.Message, StringComparison.Ordinal);
        Assert.Equal(first, Stored.Status.TransientErrorSince);

        _clock.Advance(TimeSpan.FromSeconds(119));
        await ReconcileAsync();
        Assert.Equal(ConditionReasons.AwsError, Condition(ConditionTypes.Reconciling)?.Reason);
        Assert.Null(Condition(ConditionTypes.Stalled));

        _clock.Advance(TimeSpan.FromSeconds(1));
        result = await ReconcileAsync();
        Assert.Equal(ConditionReasons.AwsRejected, Condition(ConditionTypes.Stalled)?.Reason);
        Assert.Contains(RoleNotYet, Condition(ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(10), result.RequeueAfter); // a role's fix is invisible to Kubernetes: looked at again
        Assert.Equal(first, Stored.Status.TransientErrorSince);

        _ecs.On<Ecs.CreateServiceRequest, Ecs.CreateServiceResponse>(r => new() { Service = new Ecs.Service { ServiceName = r.ServiceName, ServiceArn = "arn:aws:ecs:us-east-1:1:service/demo/web", Status = "ACTIVE", DesiredCount = 1, RunningCount = 0 } });
        await ReconcileAsync();
        Assert.Null(Stored.Status.TransientErrorSince);
        Assert.Null(Condition(ConditionTypes.Stalled));
        Assert.Equal(4, _ecs.Calls.Count(c => c == "CreateService")); // three refused attempts, then the one that worked
    }

    [Fact]
    public async Task An_invalid_parameter_outside_the_list_is_stalled_at_once()
    {
        _reconciler = Reconciler(Object());
        Missing();
        _ecs.On<Ecs.CreateServiceRequest, Ecs.CreateServiceResponse>(_ => throw Rejected("Task definition does not support launch_type FARGATE."));

        await Assert.ThrowsAsync<TerminalReconcileException>(ReconcileAsync); // parked until the object changes

        Assert.Equal(ConditionReasons.AwsRejected, Condition(ConditionTypes.Stalled)?.Reason);
        Assert.Null(Stored.Status.TransientErrorSince);
    }

    [Fact]
    public async Task Missing_right_after_the_create_is_waited_for_without_a_second_create_then_stalled()
    {
        var created = _clock.GetUtcNow() - TimeSpan.FromSeconds(5);
        _reconciler = Reconciler(Object(new ServiceStatus { Arn = "arn:aws:ecs:us-east-1:1:service/demo/web", CreatedAt = created }));
        Missing();

        await ReconcileAsync();
        Assert.Equal(ConditionReasons.AwsError, Condition(ConditionTypes.Reconciling)?.Reason);
        Assert.Contains("MISSING", Condition(ConditionTypes.Reconciling)!.Message, StringComparison.Ordinal);

        _clock.Advance(EventualConsistency.Window);
        await ReconcileAsync();

        Assert.Equal(ConditionReasons.AwsRejected, Condition(ConditionTypes.Stalled)?.Reason);
        Assert.Contains("MISSING", Condition(ConditionTypes.Stalled)!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("CreateService", _ecs.Calls);
    }

    [Fact]
    public async Task Missing_long_after_the_create_means_absent_and_the_service_is_created_again()
    {
        _reconciler = Reconciler(Object(new ServiceStatus { Arn = "arn:aws:ecs:us-east-1:1:service/demo/web", CreatedAt = _clock.GetUtcNow() - TimeSpan.FromDays(3) }));
        Missing();
        _ecs.On<Ecs.CreateServiceRequest, Ecs.CreateServiceResponse>(r => new() { Service = new Ecs.Service { ServiceName = r.ServiceName, ServiceArn = "arn:aws:ecs:us-east-1:1:service/demo/web", Status = "ACTIVE" } });

        await ReconcileAsync();

        Assert.Contains("CreateService", _ecs.Calls);
    }

    [Theory]
    [InlineData(RoleNotYet, true)]
    [InlineData("Unable to assume the service linked role. Please verify that the ECS service linked role exists.", true)]
    [InlineData("The target group with targetGroupArn arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/web/1 does not have an associated load balancer.", true)]
    [InlineData("Unable to assume role and validate the listeners configured on your load balancer. Please verify the role being passed has the proper permissions.", true)]
    [InlineData("The container web does not exist in the task definition.", false)]
    [InlineData(null, false)]
    public void The_transient_list_decides(string? message, bool transient) =>
        Assert.Equal(transient, EventualConsistency.IsTransient(message));
}
