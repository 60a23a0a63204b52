using EcsOperator.Controllers.LoadBalancerBinding;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Runtime.Status;
using Xunit;

namespace EcsOperator.Tests.Controllers.LoadBalancerBinding;

public sealed class BindingReadinessTests
{
    private const string Arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop-web/1";
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(5);
    private static readonly LoadBalancerBindingSpec Spec = new() { ServiceRef = new() { Name = "web" }, ContainerName = "web", ContainerPort = 80, TargetGroup = new() };

    private static LoadBalancerBindingStatus Status(bool attachedToLoadBalancer = true) => new()
    {
        TargetGroupArn = Arn,
        TargetGroupName = "shop-web",
        LoadBalancerArns = attachedToLoadBalancer ? ["arn:alb"] : null,
    };

    private static V1alpha1Service Service(bool listsTargetGroup = true, bool ready = true)
    {
        var service = new V1alpha1Service { Metadata = new() { Name = "web" } };
        service.Status.LoadBalancers = listsTargetGroup ? [new ServiceLoadBalancerStatus { TargetGroupArn = Arn, ContainerName = "web", ContainerPort = 80 }] : [];
        if (ready)
        {
            Conditions.MarkReady(service.Status, 1, ConditionReasons.Synced, "rolled out", DateTimeOffset.UnixEpoch);
        }
        else
        {
            Conditions.MarkReconciling(service.Status, 1, ConditionReasons.RollingOut, "rolling", DateTimeOffset.UnixEpoch);
        }

        return service;
    }

    [Fact]
    public void Attached_and_rolled_out_is_ready()
    {
        Assert.Equal(OutcomeState.Ready, BindingReadiness.Evaluate(Spec, Status(), Service(), Recheck).State);
    }

    [Fact]
    public void A_target_group_on_no_load_balancer_waits_and_names_its_arn()
    {
        var outcome = BindingReadiness.Evaluate(Spec, Status(attachedToLoadBalancer: false), Service(), Recheck);

        Assert.Equal(ConditionReasons.WaitingForLoadBalancer, outcome.Reason);
        Assert.Contains(Arn, outcome.Message, StringComparison.Ordinal);
        Assert.Contains("default action", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_service_that_does_not_list_the_target_group_yet_is_waited_for()
    {
        Assert.Equal(ConditionReasons.WaitingForService, BindingReadiness.Evaluate(Spec, Status(), Service(listsTargetGroup: false), Recheck).Reason);
    }

    [Fact]
    public void A_service_still_rolling_out_with_it_is_RollingOut()
    {
        Assert.Equal(ConditionReasons.RollingOut, BindingReadiness.Evaluate(Spec, Status(), Service(ready: false), Recheck).Reason);
    }

    [Fact]
    public void On_delete_the_binding_waits_while_the_service_lists_it_or_is_still_rolling()
    {
        Assert.True(BindingReadiness.StillInUse(Service(), Arn, null));
        Assert.True(BindingReadiness.StillInUse(Service(listsTargetGroup: false, ready: false), Arn, null));
        Assert.False(BindingReadiness.StillInUse(Service(listsTargetGroup: false), Arn, null));
    }

    [Fact]
    public void A_classic_load_balancer_needs_no_target_group_attachment()
    {
        var spec = new LoadBalancerBindingSpec { ServiceRef = new() { Name = "web" }, ContainerName = "web", ContainerPort = 80, LoadBalancerName = "legacy" };
        var service = Service();
        service.Status.LoadBalancers = [new ServiceLoadBalancerStatus { LoadBalancerName = "legacy", ContainerName = "web", ContainerPort = 80 }];

        Assert.Equal(OutcomeState.Ready, BindingReadiness.Evaluate(spec, new LoadBalancerBindingStatus(), service, Recheck).State);
    }

    [Fact]
    public void A_replaced_target_group_is_remembered_once_for_cleanup()
    {
        var status = new LoadBalancerBindingStatus { TargetGroupArn = "arn:new" };

        BindingSteps.Remember(status, "arn:old");
        BindingSteps.Remember(status, "arn:old");
        BindingSteps.Remember(status, "arn:new");
        BindingSteps.Remember(status, null);

        Assert.Equal(["arn:old"], status.RetiredTargetGroupArns);
    }
}
