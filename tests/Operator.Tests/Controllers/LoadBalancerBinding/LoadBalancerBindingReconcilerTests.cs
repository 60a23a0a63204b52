using System.Net;
using Amazon.Runtime;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.ElasticLoadBalancingV2;
using EcsOperator.Controllers.LoadBalancerBinding;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Runtime.Status;
using EcsOperator.Tests.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using Elb = EcsOperator.Aws.ElasticLoadBalancingV2.Model;

namespace EcsOperator.Tests.Controllers.LoadBalancerBinding;

/// <summary>The binding's reconcile against a scripted ELBv2: which calls it makes, and what it reports.</summary>
public sealed class LoadBalancerBindingReconcilerTests
{
    private const string ClusterId = "uid-1";
    private const string ListenerArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/demo/abc/def";
    private const string RuleArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/demo/abc/def/r1";
    private const string GroupArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/ns-web/1";
    private static readonly ReconcileRequest Request = new("ns", "web");
    private static readonly OwnershipTags Ours = OwnershipTags.For("ns", "LoadBalancerBinding", "web", ClusterId);
    private readonly FakeKubeClient<V1alpha1LoadBalancerBinding> _kube = new();
    private readonly ObjectCache<V1alpha1LoadBalancerBinding> _cache = new([new IndexDefinition<V1alpha1LoadBalancerBinding>(Indexes.ServiceRef, Indexes.ServiceRefOf)]);
    private readonly ObjectCache<V1alpha1Service> _services = new();
    private readonly ObjectCache<V1alpha1TaskDefinition> _taskDefinitions = new();
    private readonly ScriptedApi<IElbv2Api> _elb = Scripted.For<IElbv2Api>();
    private readonly ScriptedApi<IEcsApi> _ecs = Scripted.For<IEcsApi>();
    private readonly RecordingEvents _events = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static V1alpha1LoadBalancerBinding Object() => new()
    {
        Metadata = new() { Name = "web", NamespaceProperty = "ns", Generation = 1, Finalizers = [WellKnown.Finalizer] },
        Spec = new LoadBalancerBindingSpec
        {
            ServiceRef = new() { Name = "web" },
            ContainerName = "web",
            ContainerPort = 80,
            TargetGroup = new TargetGroupSpec { Protocol = "HTTP", Port = 80, VpcId = "vpc-1", TargetType = "ip", HealthCheck = new() { Path = "/healthz" } },
            Listener = new ListenerRuleSpec { Arn = ListenerArn, Priority = 10, PathPatterns = ["/*"] },
        },
    };

    private void GivenServiceAndTaskDefinition(bool serviceListsGroup)
    {
        _taskDefinitions.Upsert(new V1alpha1TaskDefinition
        {
            Metadata = new() { Name = "web", NamespaceProperty = "ns" },
            Spec = new TaskDefinitionSpec { NetworkMode = "awsvpc", RequiresCompatibilities = ["FARGATE"], ContainerDefinitions = [new() { Name = "web", PortMappings = [new() { ContainerPort = 80 }] }] },
        });
        var service = new V1alpha1Service { Metadata = new() { Name = "web", NamespaceProperty = "ns" }, Spec = new() { TaskDefinitionRef = new() { Name = "web" }, LaunchType = "FARGATE" } };
        service.Status.LoadBalancers = serviceListsGroup ? [new() { TargetGroupArn = GroupArn, ContainerName = "web", ContainerPort = 80 }] : [];
        Conditions.MarkReady(service.Status, 1, ConditionReasons.Synced, "COMPLETED", DateTimeOffset.UnixEpoch);
        _services.Upsert(service);
    }

    private void GivenGroupAndRuleInAws()
    {
        var name = TargetGroupNames.For("ns", "web", ClusterId, Object().Spec.TargetGroup!);
        _elb.On<Elb.DescribeTargetGroupsRequest, Elb.DescribeTargetGroupsResponse>(_ => new()
        {
            TargetGroups = [new() { TargetGroupArn = GroupArn, TargetGroupName = name, Protocol = "HTTP", Port = 80, VpcId = "vpc-1", TargetType = "ip", HealthCheckPath = "/healthz", LoadBalancerArns = ["arn:alb"] }],
        })
            .On<Elb.DescribeTagsRequest, Elb.DescribeTagsResponse>(r => new() { TagDescriptions = [.. r.ResourceArns!.Select(arn => new Elb.TagDescription { ResourceArn = arn, Tags = LoadBalancerBindingRequest.Tags(Ours.ToTags()) })] })
            .On<Elb.DescribeTargetGroupAttributesRequest, Elb.DescribeTargetGroupAttributesResponse>(_ => new() { Attributes = [] })
            .On<Elb.DescribeRulesRequest, Elb.DescribeRulesResponse>(_ => new()
            {
                Rules = [new() { RuleArn = RuleArn, Priority = "10", Conditions = LoadBalancerBindingRequest.Conditions(Object().Spec.Listener!), Actions = LoadBalancerBindingRequest.Forward(GroupArn) }],
            });
    }

    private async Task<ReconcileResult> ReconcileAsync(V1alpha1LoadBalancerBinding obj) => await Reconciler(obj).ReconcileAsync(_cache.Get(Request)!, Ct);

    /// <summary>A Stalled outcome without a recheck ends in the runtime's terminal error.</summary>
    private Task<TerminalReconcileException> StalledAsync(V1alpha1LoadBalancerBinding obj) => Assert.ThrowsAsync<TerminalReconcileException>(() => ReconcileAsync(obj));

    private LoadBalancerBindingReconciler Reconciler(V1alpha1LoadBalancerBinding obj)
    {
        _kube.Apply(obj);
        _cache.Upsert(_kube.Peek(Request.ToString())!);
        var status = new StatusReporter<V1alpha1LoadBalancerBinding>(new StatusWriter<V1alpha1LoadBalancerBinding>(_kube, _cache), _events, TimeProvider.System, NullLogger<StatusReporter<V1alpha1LoadBalancerBinding>>.Instance);
        var options = new ControllerOptions { ClusterId = ClusterId };
        var services = new ReconcileServices<V1alpha1LoadBalancerBinding>(status, new ClusterIdentity(options, _kube), options, NullLogger<ReconcileServices<V1alpha1LoadBalancerBinding>>.Instance);
        var manager = new LoadBalancerBindingManager(_elb.Api, status, new ImmediateDelays());
        return new LoadBalancerBindingReconciler(services, manager, new BoundServices(_services, _taskDefinitions, _cache, _ecs.Api), new BindingSteps(manager, status, new DriftReporter(new Prometheus.CollectorRegistry())));
    }

    private Condition? Condition(string type) => _kube.Peek(Request.ToString())!.Status.Conditions.FirstOrDefault(c => c.Type == type);

    [Fact]
    public async Task An_unchanged_binding_makes_only_reads_and_is_ready()
    {
        GivenServiceAndTaskDefinition(serviceListsGroup: true);
        GivenGroupAndRuleInAws();

        await ReconcileAsync(Object());

        Assert.All(_elb.Calls, call => Assert.StartsWith("Describe", call, StringComparison.Ordinal));
        Assert.Empty(_events.Reasons);
        Assert.Equal(ConditionStatus.True, Condition(ConditionTypes.Ready)?.Status);
        var status = _kube.Peek(Request.ToString())!.Status;
        Assert.Equal((GroupArn, RuleArn), (status.TargetGroupArn, status.ListenerRuleArn));
    }

    [Fact]
    public async Task A_service_that_has_not_attached_the_group_yet_is_waited_for()
    {
        GivenServiceAndTaskDefinition(serviceListsGroup: false);
        GivenGroupAndRuleInAws();

        await ReconcileAsync(Object());

        Assert.Equal(ConditionReasons.WaitingForService, Condition(ConditionTypes.Reconciling)?.Reason);
    }

    [Fact]
    public async Task A_missing_service_is_a_dependency_not_ready_with_no_aws_call()
    {
        await ReconcileAsync(Object());

        Assert.Empty(_elb.Calls);
        Assert.Equal(ConditionReasons.DependencyNotReady, Condition(ConditionTypes.Reconciling)?.Reason);
        Assert.Contains("Service web", Condition(ConditionTypes.Reconciling)?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listener_that_does_not_exist_yet_is_waited_for_not_stalled()
    {
        GivenServiceAndTaskDefinition(serviceListsGroup: true);
        GivenGroupAndRuleInAws();
        _elb.On<Elb.DescribeRulesRequest, Elb.DescribeRulesResponse>(_ =>
            throw new Elb.ListenerNotFoundException("One or more listeners not found", null, ErrorType.Sender, "ListenerNotFound", "req-1", HttpStatusCode.BadRequest));

        var result = await ReconcileAsync(Object());

        Assert.NotNull(result.RequeueAfter);
        Assert.Null(Condition(ConditionTypes.Stalled));
        Assert.Equal(ConditionReasons.DependencyNotReady, Condition(ConditionTypes.Reconciling)?.Reason);
        Assert.Contains("spec.listener.arn", Condition(ConditionTypes.Reconciling)?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_deleted_out_of_band_is_recreated_after_looking_for_it_by_its_tags()
    {
        GivenServiceAndTaskDefinition(serviceListsGroup: true);
        GivenGroupAndRuleInAws();
        Elb.CreateRuleRequest? created = null;
        _elb.On<Elb.DescribeRulesRequest, Elb.DescribeRulesResponse>(r => r.RuleArns is { Count: > 0 }
                ? throw new Elb.RuleNotFoundException("One or more rules not found", null, ErrorType.Sender, "RuleNotFound", "req-1", HttpStatusCode.BadRequest)
                : new() { Rules = [new() { RuleArn = "arn:default", IsDefault = true }] })
            .On<Elb.CreateRuleRequest, Elb.CreateRuleResponse>(r =>
            {
                created = r;
                return new() { Rules = [new() { RuleArn = RuleArn + "-new", Priority = "10", Actions = r.Actions, Conditions = r.Conditions }] };
            });
        var obj = Object();
        obj.Status.ListenerRuleArn = RuleArn;

        await ReconcileAsync(obj);

        Assert.Equal(["DescribeRules", "DescribeRules", "CreateRule"], _elb.Calls.Where(c => c.Contains("Rule", StringComparison.Ordinal)));
        Assert.Equal(10, created?.Priority);
        Assert.Equal(Ours.Owner, LoadBalancerBindingRequest.TagMap(created?.Tags)[WellKnown.OwnerTag]);
        Assert.Equal(RuleArn + "-new", _kube.Peek(Request.ToString())!.Status.ListenerRuleArn);
    }

    [Fact]
    public async Task A_container_port_the_task_definition_lacks_is_InvalidSpec_before_any_aws_call()
    {
        GivenServiceAndTaskDefinition(serviceListsGroup: false);
        var obj = Object();
        obj.Spec.ContainerPort = 8081;

        await StalledAsync(obj);

        Assert.Empty(_elb.Calls);
        Assert.Empty(_ecs.Calls);
        Assert.Equal(ConditionReasons.InvalidSpec, Condition(ConditionTypes.Stalled)?.Reason);
        Assert.Contains("spec.containerPort", Condition(ConditionTypes.Stalled)?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_of_its_name_without_its_tags_is_AlreadyExists_and_left_untouched()
    {
        GivenServiceAndTaskDefinition(serviceListsGroup: false);
        GivenGroupAndRuleInAws();
        _elb.On<Elb.DescribeTagsRequest, Elb.DescribeTagsResponse>(r => new() { TagDescriptions = [.. r.ResourceArns!.Select(arn => new Elb.TagDescription { ResourceArn = arn, Tags = [] })] });

        await StalledAsync(Object());

        Assert.All(_elb.Calls, call => Assert.StartsWith("Describe", call, StringComparison.Ordinal));
        Assert.Equal(ConditionReasons.AlreadyExists, Condition(ConditionTypes.Stalled)?.Reason);
        Assert.Null(_kube.Peek(Request.ToString())!.Status.TargetGroupArn);
    }

    /// <summary>
    /// Real ELBv2 answers an identical CreateTargetGroup with the existing group, even one the operator does not own
    /// (moto answers DuplicateTargetGroupName, the same case). A group appearing between the lookup and the create must
    /// be refused before anything is changed on it, and never published for the Service to attach.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_create_answered_with_an_unowned_group_is_AlreadyExists_before_any_change_to_it(bool duplicateTargetGroupName)
    {
        GivenServiceAndTaskDefinition(serviceListsGroup: false);
        GivenGroupAndRuleInAws();
        var foreign = new Elb.TargetGroup { TargetGroupArn = GroupArn, TargetGroupName = "foreign", Protocol = "HTTP", Port = 80, VpcId = "vpc-1", TargetType = "ip", LoadBalancerArns = ["arn:alb"] };
        var created = false;
        _elb.On<Elb.DescribeTargetGroupsRequest, Elb.DescribeTargetGroupsResponse>(_ => created
                ? new() { TargetGroups = [foreign] }
                : throw new Elb.TargetGroupNotFoundException("One or more target groups not found", null, ErrorType.Sender, "TargetGroupNotFound", "req-1", HttpStatusCode.BadRequest))
            .On<Elb.CreateTargetGroupRequest, Elb.CreateTargetGroupResponse>(_ =>
            {
                created = true;
                return duplicateTargetGroupName
                    ? throw new Elb.DuplicateTargetGroupNameException("A target group with the same name exists", null, ErrorType.Sender, "DuplicateTargetGroupName", "req-1", HttpStatusCode.BadRequest)
                    : new() { TargetGroups = [foreign] };
            })
            .On<Elb.DescribeTagsRequest, Elb.DescribeTagsResponse>(r => new() { TagDescriptions = [.. r.ResourceArns!.Select(arn => new Elb.TagDescription { ResourceArn = arn, Tags = [] })] })
            .On<Elb.ModifyTargetGroupAttributesRequest, Elb.ModifyTargetGroupAttributesResponse>(_ => new())
            .On<Elb.ModifyTargetGroupRequest, Elb.ModifyTargetGroupResponse>(_ => new())
            .On<Elb.AddTagsRequest, Elb.AddTagsResponse>(_ => new());
        var obj = Object();
        obj.Spec.TargetGroup!.DeregistrationDelaySeconds = 5;

        await StalledAsync(obj);

        Assert.Equal(["CreateTargetGroup"], _elb.Calls.Where(c => !c.StartsWith("Describe", StringComparison.Ordinal)));
        Assert.Equal(ConditionReasons.AlreadyExists, Condition(ConditionTypes.Stalled)?.Reason);
        Assert.Null(_kube.Peek(Request.ToString())!.Status.TargetGroupArn);
    }

    [Fact]
    public async Task A_taken_priority_is_stalled_naming_the_holder_and_looked_at_again_after_the_long_recheck()
    {
        const string Holder = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/demo/abc/def/other";
        GivenServiceAndTaskDefinition(serviceListsGroup: false);
        GivenGroupAndRuleInAws();
        _elb.On<Elb.DescribeRulesRequest, Elb.DescribeRulesResponse>(_ => new() { Rules = [new() { RuleArn = "arn:default", IsDefault = true }, new() { RuleArn = Holder, Priority = "10" }] })
            .On<Elb.DescribeTagsRequest, Elb.DescribeTagsResponse>(r => new()
            {
                TagDescriptions = [.. r.ResourceArns!.Select(arn => new Elb.TagDescription { ResourceArn = arn, Tags = arn == GroupArn ? LoadBalancerBindingRequest.Tags(Ours.ToTags()) : [] })],
            })
            .On<Elb.CreateRuleRequest, Elb.CreateRuleResponse>(_ =>
                throw new Elb.PriorityInUseException("Priority '10' is currently in use", null, ErrorType.Sender, "PriorityInUse", "req-1", HttpStatusCode.BadRequest));

        var result = await ReconcileAsync(Object());

        Assert.Equal(ConditionReasons.PriorityInUse, Condition(ConditionTypes.Stalled)?.Reason);
        Assert.Contains(Holder, Condition(ConditionTypes.Stalled)?.Message, StringComparison.Ordinal);
        Assert.Equal(BindingSteps.PriorityRecheck, result.RequeueAfter);
    }

    [Fact]
    public async Task Retain_leaves_the_target_group_and_rule_in_place()
    {
        GivenServiceAndTaskDefinition(serviceListsGroup: false);
        GivenGroupAndRuleInAws();
        var obj = Object();
        obj.Spec.DeletionPolicy = DeletionPolicy.Retain;
        obj.Metadata.DeletionTimestamp = DateTime.UtcNow;
        obj.Status.TargetGroupArn = GroupArn;
        obj.Status.ListenerRuleArn = RuleArn;

        var result = await Reconciler(obj).FinalizeAsync(_cache.Get(Request)!, Ct);

        Assert.Equal(ReconcileResult.Done, result);
        Assert.Empty(_elb.Calls);
    }
}
