using System.Net;
using Amazon.Runtime;
using EcsOperator.Aws.ElasticLoadBalancingV2;
using EcsOperator.Controllers.LoadBalancerBinding;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Status;
using EcsOperator.Tests.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;
using Elb = EcsOperator.Aws.ElasticLoadBalancingV2.Model;

namespace EcsOperator.Tests.Controllers.LoadBalancerBinding;

/// <summary>The ELBv2 calls against a scripted API: moto's quirks and AWS's behaviour both end in the same state.</summary>
public sealed class LoadBalancerBindingManagerTests
{
    private const string Listener = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/demo/abc/def";
    private const string OurRule = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/demo/abc/def/r1";
    private const string OtherRule = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/demo/abc/def/r2";
    private static readonly OwnershipTags Ours = OwnershipTags.For("ns", "LoadBalancerBinding", "web", "uid-1");
    private readonly ScriptedApi<IElbv2Api> _elb = Scripted.For<IElbv2Api>();
    private readonly RecordingEvents _events = new();
    private readonly ImmediateDelays _delays = new();
    private readonly V1alpha1LoadBalancerBinding _obj = new() { Metadata = new() { Name = "web", NamespaceProperty = "ns" } };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private LoadBalancerBindingManager Manager()
    {
        var kube = new FakeKubeClient<V1alpha1LoadBalancerBinding>();
        var status = new StatusReporter<V1alpha1LoadBalancerBinding>(
            new StatusWriter<V1alpha1LoadBalancerBinding>(kube, new ObjectCache<V1alpha1LoadBalancerBinding>()), _events, TimeProvider.System, NullLogger<StatusReporter<V1alpha1LoadBalancerBinding>>.Instance);
        return new LoadBalancerBindingManager(_elb.Api, status, _delays);
    }

    private static Elb.TargetGroup Group() => new() { TargetGroupArn = "arn:tg/web", TargetGroupName = "shop-web-1", LoadBalancerArns = [] };

    private static Exception ElbError<T>(string code)
        where T : Exception =>
        (T)Activator.CreateInstance(typeof(T), $"{code} message", null, ErrorType.Sender, code, "req-1", HttpStatusCode.BadRequest)!;

    [Fact]
    public async Task DuplicateTargetGroupName_means_the_group_exists_and_it_is_read_back_once()
    {
        _elb.On<Elb.CreateTargetGroupRequest, Elb.CreateTargetGroupResponse>(_ => throw ElbError<Elb.DuplicateTargetGroupNameException>("DuplicateTargetGroupName"))
            .On<Elb.DescribeTargetGroupsRequest, Elb.DescribeTargetGroupsResponse>(r => new() { TargetGroups = r.Names is ["shop-web-1"] ? [Group()] : [] })
            .On<Elb.DescribeTagsRequest, Elb.DescribeTagsResponse>(_ => new() { TagDescriptions = [new() { ResourceArn = "arn:tg/web", Tags = LoadBalancerBindingRequest.Tags(Ours.ToTags()) }] })
            .On<Elb.DescribeTargetGroupAttributesRequest, Elb.DescribeTargetGroupAttributesResponse>(_ => new() { Attributes = [] });

        var state = await Manager().CreateTargetGroupAsync(_obj, new Elb.CreateTargetGroupRequest { Name = "shop-web-1" }, Ct);

        Assert.Equal("arn:tg/web", state.TargetGroup?.TargetGroupArn);
        Assert.Equal(Ownership.Ours, Ours.Classify(state.TargetGroupTags));
        Assert.Equal(1, _elb.Calls.Count(c => c == "CreateTargetGroup"));
    }

    [Fact]
    public async Task A_rule_created_before_a_crash_is_found_by_its_tags_among_the_listeners_rules()
    {
        _elb.On<Elb.DescribeRulesRequest, Elb.DescribeRulesResponse>(_ => new()
        {
            Rules = [new() { RuleArn = "arn:default", IsDefault = true, Priority = "default" }, new() { RuleArn = OtherRule, Priority = "5" }, new() { RuleArn = OurRule, Priority = "10" }],
        })
            .On<Elb.DescribeTagsRequest, Elb.DescribeTagsResponse>(r => new()
            {
                TagDescriptions =
                [
                    new() { ResourceArn = OtherRule, Tags = LoadBalancerBindingRequest.Tags(OwnershipTags.For("ns", "LoadBalancerBinding", "api", "uid-1").ToTags()) },
                    new() { ResourceArn = OurRule, Tags = LoadBalancerBindingRequest.Tags(Ours.ToTags()) },
                ],
            });

        var rule = await Manager().FindRuleAsync(Listener, null, Ours, Ct);

        Assert.Equal(OurRule, rule?.RuleArn);
        Assert.DoesNotContain("CreateRule", _elb.Calls);
    }

    [Fact]
    public async Task A_known_rule_is_read_by_arn_alone()
    {
        _elb.On<Elb.DescribeRulesRequest, Elb.DescribeRulesResponse>(r => new() { Rules = r.RuleArns is [OurRule] ? [new() { RuleArn = OurRule, Priority = "10" }] : [] });

        var rule = await Manager().FindRuleAsync(Listener, OurRule, Ours, Ct);

        Assert.Equal(OurRule, rule?.RuleArn);
        Assert.Equal(["DescribeRules"], _elb.Calls);
    }

    [Fact]
    public async Task The_holder_of_a_priority_is_found_with_DescribeRules()
    {
        _elb.On<Elb.DescribeRulesRequest, Elb.DescribeRulesResponse>(_ => new() { Rules = [new() { RuleArn = OtherRule, Priority = "10" }] });

        Assert.Equal(OtherRule, await Manager().PriorityHolderAsync(Listener, 10, Ct));
    }

    [Fact]
    public async Task RuleNotFound_on_delete_counts_as_success()
    {
        _elb.On<Elb.DeleteRuleRequest, Elb.DeleteRuleResponse>(_ => throw ElbError<Elb.RuleNotFoundException>("RuleNotFound"));

        await Manager().DeleteRuleAsync(_obj, OurRule, Ct);

        Assert.Empty(_events.Reasons);
    }

    [Fact]
    public async Task ResourceInUse_on_delete_is_retried_within_its_bound_then_names_what_still_references_the_group()
    {
        _elb.On<Elb.DeleteTargetGroupRequest, Elb.DeleteTargetGroupResponse>(_ => throw ElbError<Elb.ResourceInUseException>("ResourceInUse"));
        var group = Group();
        group.LoadBalancerArns = ["arn:alb/demo"];

        var problem = await Manager().DeleteTargetGroupAsync(_obj, group, Ct);

        Assert.Contains("arn:alb/demo", problem, StringComparison.Ordinal);
        Assert.Equal(LoadBalancerBindingManager.DeleteAttempts, _elb.Calls.Count(c => c == "DeleteTargetGroup"));
        Assert.Equal(Enumerable.Repeat(LoadBalancerBindingManager.DeleteRetryInterval, LoadBalancerBindingManager.DeleteAttempts - 1), _delays.Requested);
    }

    [Fact]
    public async Task A_group_still_in_use_for_a_moment_after_its_rule_went_is_deleted_on_a_retry()
    {
        var calls = 0;
        _elb.On<Elb.DeleteTargetGroupRequest, Elb.DeleteTargetGroupResponse>(_ => ++calls == 1 ? throw ElbError<Elb.ResourceInUseException>("ResourceInUse") : new());

        var problem = await Manager().DeleteTargetGroupAsync(_obj, Group(), Ct);

        Assert.Null(problem);
        Assert.Equal(2, calls);
        Assert.Equal(["TargetGroupDeleted"], _events.Reasons);
    }

    [Fact]
    public async Task A_priority_change_is_one_pair_per_SetRulePriorities_call()
    {
        Elb.SetRulePrioritiesRequest? sent = null;
        _elb.On<Elb.SetRulePrioritiesRequest, Elb.SetRulePrioritiesResponse>(r =>
        {
            sent = r;
            return new();
        });
        var listener = new ListenerRuleSpec { Arn = Listener, Priority = 20, PathPatterns = ["/*"] };

        await Manager().UpdateRuleAsync(_obj, new Elb.Rule { RuleArn = OurRule, Priority = "10" }, listener, "arn:tg/web", new ListenerRuleDelta(false, false, 20), Ct);

        Assert.Equal(["SetRulePriorities"], _elb.Calls);
        Assert.Equal(20, Assert.Single(sent!.RulePriorities!).Priority);
    }

    [Fact]
    public void A_rule_arn_belongs_to_its_listener_only()
    {
        Assert.True(LoadBalancerBindingManager.IsOnListener(OurRule, Listener));
        Assert.False(LoadBalancerBindingManager.IsOnListener(OurRule, Listener.Replace("/def", "/xyz", StringComparison.Ordinal)));
    }
}

/// <summary>A clock whose timers fire at once and remember the delay they were asked for: a retry pause costs no time.</summary>
internal sealed class ImmediateDelays : TimeProvider
{
    private readonly List<TimeSpan> _requested = [];

    public IReadOnlyList<TimeSpan> Requested
    {
        get
        {
            lock (_requested)
            {
                return [.. _requested];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_requested)
        {
            _requested.Add(dueTime);
        }

        return System.CreateTimer(callback, state, TimeSpan.Zero, period);
    }
}
