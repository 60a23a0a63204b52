using AwsFaultProxy;

namespace EcsOperator.Playground;

/// <summary>
/// The AWS fault proxy (tests/AwsFaultProxy) that the playground runs between moto and everything that calls AWS:
/// the operator, the seeding, and the aws CLI a user points at the printed <c>aws=</c> URL. So the CLI sees exactly
/// what the operator sees, and <c>GET {aws}/__proxy/stats</c> counts the operator's calls per operation.
/// </summary>
public static class PlaygroundAwsProxy
{
    /// <summary>The proxy's control endpoints, under the AWS URL: stats, journal, rules.</summary>
    public const string StatsPath = "/__proxy/stats";

    /// <summary>The one place that decides how the playground's proxy behaves.</summary>
    public static FaultProxyOptions Options(Uri upstream, int port) => new()
    {
        Upstream = upstream,
        Port = port,

        // No fault rules: the playground shows the operator working. Rules can be added at run time through
        // POST {aws}/__proxy/rules to watch it retry.
        //
        // moto never starts ECS tasks, so a Service would never roll out: the proxy's ECS services front runs them.
        EcsScheduler = true,
    };
}
