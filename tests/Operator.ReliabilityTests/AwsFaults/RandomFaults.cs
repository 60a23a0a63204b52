using AwsFaultProxy;

namespace EcsOperator.ReliabilityTests.AwsFaults;

/// <summary>
/// The random fault mix of scenario 2 on every ECS and ELBv2 call. The proxy lets the first firing fault rule decide,
/// so the later rules' probabilities are raised to keep their share of all calls: 30% throttled, 10% 5xx, 5% of
/// connections dropped (half before the call reaches AWS, half after it was applied). Latency rules add up: each
/// call waits 0, 0.25, 0.5, … 2 s.
/// </summary>
internal static class RandomFaults
{
    public static IReadOnlyList<FaultRule> For(string service) =>
    [
        FaultRule.Throttle(service, "*", probability: 0.30),
        FaultRule.ServerError(service, "*", 503, probability: 0.10 / 0.70),
        FaultRule.Drop(service, "*", probability: 0.025 / 0.60),
        FaultRule.DropResponse(service, "*", probability: 0.025 / 0.575),
        FaultRule.Delay(service, "*", TimeSpan.FromMilliseconds(250), probability: 0.2),
        FaultRule.Delay(service, "*", TimeSpan.FromMilliseconds(500), probability: 0.2),
        FaultRule.Delay(service, "*", TimeSpan.FromMilliseconds(1250), probability: 0.2),
    ];

    public static void Install(FaultProxy proxy)
    {
        foreach (var service in new[] { AwsServices.Ecs, AwsServices.Elbv2 })
        {
            foreach (var rule in For(service))
            {
                proxy.Rules.Add(rule);
            }
        }
    }
}
