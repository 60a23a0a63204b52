using System.Globalization;
using System.Text.Json;
using EcsOperator.Controllers.Service;
using EcsOperator.Entities;
using k8s;
using Xunit;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Tests.Controllers.Service;

public sealed class ServiceEventsTests
{
    /// <summary>An ECS event as the wire carries it: epoch seconds with milliseconds.</summary>
    private static Ecs.ServiceEvent Wire(string id, double epochSeconds) =>
        JsonSerializer.Deserialize<Ecs.ServiceEvent>(string.Create(CultureInfo.InvariantCulture, $$"""{"id":"{{id}}","createdAt":{{epochSeconds:0.000}},"message":"(service web) has reached a steady state."}"""))!;

    /// <summary>The mark as the next reconcile (or the next operator) reads it: written to status and read back.</summary>
    private static ServiceEventMark? Stored(Ecs.ServiceEvent e)
    {
        var status = new ServiceStatus { LastEvent = new ServiceEventMark { Id = e.Id, CreatedAt = ServiceRollout.Utc(e.CreatedAt!.Value) } };
        return KubernetesJson.Deserialize<ServiceStatus>(KubernetesJson.Serialize(status)).LastEvent;
    }

    [Fact]
    public void A_posted_event_is_not_newer_than_its_own_mark_after_the_status_round_trip()
    {
        // Every millisecond of a second: epoch seconds read as a double land some of them a tick below the millisecond.
        for (var ms = 0; ms < 1000; ms++)
        {
            var e = Wire("e1", 1_700_000_000 + (ms / 1000.0));

            Assert.Empty(ServiceEvents.NewerThan([e], Stored(e)));
        }
    }

    [Fact]
    public void Only_events_after_the_mark_are_new_oldest_first_and_ties_within_a_millisecond_go_by_id()
    {
        var posted = Wire("m", 1_700_000_000.500);
        var events = new[] { Wire("z", 1_700_000_001.000), Wire("a", 1_700_000_000.500), Wire("n", 1_700_000_000.500), Wire("old", 1_700_000_000.499), posted };

        var newer = ServiceEvents.NewerThan(events, Stored(posted));

        Assert.Equal(["n", "z"], newer.Select(e => e.Id));
    }

    [Fact]
    public void Without_a_mark_every_event_is_new_oldest_first()
    {
        var events = new[] { Wire("b", 1_700_000_002), Wire("a", 1_700_000_001) };

        Assert.Equal(["a", "b"], ServiceEvents.NewerThan(events, null).Select(e => e.Id));
    }
}
