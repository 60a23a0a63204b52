using EcsOperator.Entities;
using EcsOperator.Runtime.Status;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.Tests.Runtime.Status;

public sealed class ConditionsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Last_transition_time_moves_only_when_the_status_flips()
    {
        var status = new WidgetStatus();
        Conditions.MarkReconciling(status, 1, "Creating", "creating", T0);
        Conditions.MarkReconciling(status, 2, "RollingOut", "rolling out", T0.AddMinutes(5));

        var ready = Conditions.Find(status, ConditionTypes.Ready)!;
        Assert.Equal(T0, ready.LastTransitionTime);
        Assert.Equal("RollingOut", ready.Reason);
        Assert.Equal(2, ready.ObservedGeneration);

        Conditions.MarkReady(status, 2, "Available", "ready", T0.AddMinutes(7));
        Assert.Equal(T0.AddMinutes(7), Conditions.Find(status, ConditionTypes.Ready)!.LastTransitionTime);
    }

    [Fact]
    public void Ready_clears_reconciling_and_stalled_as_kstatus_expects()
    {
        var status = new WidgetStatus();
        Conditions.MarkStalled(status, 1, "InvalidSpec", "spec.size must be positive", T0);
        Assert.True(Conditions.IsTrue(status, ConditionTypes.Stalled));
        Assert.Equal("InvalidSpec", Conditions.Find(status, ConditionTypes.Ready)!.Reason);
        Assert.Equal(ConditionStatus.False, Conditions.Find(status, ConditionTypes.Ready)!.Status);

        Conditions.MarkReady(status, 2, "Available", "ready", T0);

        Assert.Equal([ConditionTypes.Ready], status.Conditions.Select(c => c.Type));
        Assert.True(Conditions.IsTrue(status, ConditionTypes.Ready));
    }

    [Fact]
    public void Stalled_replaces_reconciling()
    {
        var status = new WidgetStatus();
        Conditions.MarkReconciling(status, 1, "Creating", "creating", T0);
        Conditions.MarkStalled(status, 1, "AccessDenied", "not allowed", T0);

        Assert.Null(Conditions.Find(status, ConditionTypes.Reconciling));
        Assert.True(Conditions.IsTrue(status, ConditionTypes.Stalled));
    }

    [Fact]
    public void Transition_times_are_kept_to_the_second_like_the_api_server_stores_them()
    {
        var status = new WidgetStatus();
        Conditions.MarkReady(status, 1, "Available", "ready", T0.AddMilliseconds(789));

        Assert.Equal(T0, Conditions.Find(status, ConditionTypes.Ready)!.LastTransitionTime);
    }
}
