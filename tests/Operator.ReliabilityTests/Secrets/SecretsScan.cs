using EcsOperator.Entities;
using EcsOperator.IntegrationTests.Controllers;
using EcsOperator.ReliabilityTests.Harness;
using k8s;
using Xunit;

namespace EcsOperator.ReliabilityTests.Secrets;

/// <summary>
/// Scenario 8's check: collects every status the stack's objects showed (snapshots taken during the run) and every
/// Event in the namespace, adds every line the child processes logged, and finds the places where a secret value
/// appears: environment variable values, and the AWS credentials the operator ran with.
/// </summary>
internal sealed class SecretsScan(ReliabilityStack aws, TwelveObjectStack stack)
{
    private readonly List<string> _statuses = [];

    public int StatusesCaptured => _statuses.Count;

    /// <summary>The values that must never leave the spec and the environment.</summary>
    public IReadOnlyList<string> SecretValues => [.. stack.EnvironmentValues, .. aws.Credentials.Values];

    /// <summary>Takes a snapshot of every object's status; call it while objects exist (each phase's end, or in a loop).</summary>
    public async Task CaptureStatusesAsync()
    {
        foreach (var o in await stack.ReadAllAsync(aws.Objects))
        {
            _statuses.Add($"{o.Kind}/{o.Metadata.Name} status: {KubernetesJson.Serialize(o.ResourceStatus)}");
        }
    }

    /// <summary>Every surface scanned: status snapshots, Events (both APIs), log lines; with where each came from.</summary>
    public async Task<List<(string Where, string Text)>> SurfacesAsync()
    {
        var token = TestContext.Current.CancellationToken;
        List<(string, string)> surfaces = [.. _statuses.Select(s => ("status", s))];
        var events = await aws.Objects.Client.EventsV1.ListNamespacedEventAsync(stack.Namespace, cancellationToken: token);
        surfaces.AddRange(events.Items.Select(e => ("event", $"{e.Reason}: {e.Note}")));
        var coreEvents = await aws.Objects.Client.CoreV1.ListNamespacedEventAsync(stack.Namespace, cancellationToken: token);
        surfaces.AddRange(coreEvents.Items.Select(e => ("event", $"{e.Reason}: {e.Message}")));
        surfaces.AddRange(aws.LogLines().Select(l => ("log", l)));
        return surfaces;
    }

    /// <summary>Each surface that contains a secret value, the value masked to its first four characters.</summary>
    public static IReadOnlyList<string> Leaks(IEnumerable<(string Where, string Text)> surfaces, IReadOnlyList<string> secrets) =>
    [
        .. surfaces.SelectMany(s => secrets.Where(v => s.Text.Contains(v, StringComparison.Ordinal))
            .Select(v => $"{s.Where} contains {v[..4]}…: {Shorten(s.Text)}")),
    ];

    public async Task AssertNoLeaksAsync(ReliabilityRun run)
    {
        var surfaces = await SurfacesAsync();
        Assert.True(surfaces.Any(s => s.Where == "log"), "no log line was captured: the scan would prove nothing");
        var leaks = Leaks(surfaces, SecretValues);
        Assert.True(leaks.Count == 0, $"secret values in {leaks.Count} places ({run}):\n{string.Join("\n", leaks.Take(20))}");
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
