using k8s;

namespace EcsOperator.Playground;

/// <summary>
/// After READY: applies --apply DIR and shows the live table, then exits on Ready (--exit-when-ready), at the
/// timeout, or on Ctrl-C. Without --apply, it just keeps everything running until Ctrl-C.
/// </summary>
public sealed class ManifestStage(PlaygroundOptions options, PlaygroundConsole console, IKubernetes client)
{
    public const int NotReadyExitCode = 2;

    public async Task<int> RunAsync(IReadOnlyDictionary<string, string> placeholderValues, CancellationToken cancellationToken)
    {
        if (options.ApplyDirectory is null)
        {
            await console.StepAsync("running; Ctrl-C stops everything");
            return await UntilInterruptedAsync(ct => Task.Delay(Timeout.Infinite, ct), cancellationToken);
        }

        var manifests = ManifestReader.ReadDirectory(options.ApplyDirectory, placeholderValues);
        await console.AppliedAsync(manifests, options.ApplyDirectory);
        var catalog = await ResourceCatalog.LoadAsync(client, cancellationToken);
        var applier = new ManifestApplier(client, catalog);
        var applied = new List<AppliedObject>();
        foreach (var manifest in manifests.Objects)
        {
            applied.Add(await applier.ApplyAsync(manifest, cancellationToken));
        }

        var watch = new ReadinessWatch(client, LiveTable.ForConsole(), console.Output);
        if (!options.ExitWhenReady)
        {
            await console.StepAsync("watching; Ctrl-C stops everything");
            return await UntilInterruptedAsync(ct => watch.FollowAsync(applied, ct), cancellationToken);
        }

        return await watch.WaitUntilReadyAsync(applied, options.Timeout, cancellationToken) ? 0 : NotReadyExitCode;
    }

    /// <summary>Ctrl-C is how these modes end, so it is a clean exit (0), not an error.</summary>
    private static async Task<int> UntilInterruptedAsync(Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        try
        {
            await run(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        return 0;
    }
}
