using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;

namespace EcsOperator.Playground;

/// <summary>
/// Polls the applied objects about once a second and feeds the live table. With --exit-when-ready it ends as soon
/// as every object is Ready, or at the timeout with the conditions that are not; otherwise it runs until Ctrl-C.
/// </summary>
public sealed class ReadinessWatch(IKubernetes kube, LiveTable table, TextWriter output)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    /// <summary>True when everything became Ready within the timeout; false on timeout (after printing why).</summary>
    public async Task<bool> WaitUntilReadyAsync(IReadOnlyList<AppliedObject> objects, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var states = await ReadAllAsync(objects, cancellationToken);
            table.Show(states);
            if (states.All(s => s.IsReady))
            {
                await output.WriteLineAsync($"all {states.Count} objects are Ready");
                return true;
            }

            if (DateTime.UtcNow >= deadline)
            {
                await ReportNotReadyAsync(states, timeout);
                return false;
            }

            await Task.Delay(RefreshInterval, cancellationToken);
        }
    }

    /// <summary>Keeps the table current until <paramref name="cancellationToken"/> fires (Ctrl-C).</summary>
    public async Task FollowAsync(IReadOnlyList<AppliedObject> objects, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            table.Show(await ReadAllAsync(objects, cancellationToken));
            await Task.Delay(RefreshInterval, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<ObjectState>> ReadAllAsync(IReadOnlyList<AppliedObject> objects, CancellationToken cancellationToken)
    {
        var states = new List<ObjectState>(objects.Count);
        foreach (var applied in objects)
        {
            states.Add(await ReadAsync(applied, cancellationToken));
        }

        return states;
    }

    private async Task<ObjectState> ReadAsync(AppliedObject applied, CancellationToken cancellationToken)
    {
        var r = applied.Resource;
        try
        {
            var obj = await kube.CustomObjects.GetNamespacedCustomObjectAsync(r.Group, r.Version, applied.Namespace, r.Plural, applied.Name, cancellationToken);
            var node = obj as JsonNode ?? JsonSerializer.SerializeToNode(obj) ?? new JsonObject();
            return ObjectState.From(applied, node);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return ObjectState.NotFound(applied);
        }
    }

    private async Task ReportNotReadyAsync(IReadOnlyList<ObjectState> states, TimeSpan timeout)
    {
        var notReady = states.Where(s => !s.IsReady).ToList();
        await output.WriteLineAsync($"NOT READY after {timeout.TotalSeconds:0} s: {notReady.Count} of {states.Count} objects");
        foreach (var state in notReady)
        {
            await output.WriteLineAsync($"  {state.DescribeConditions()}");
        }
    }
}
