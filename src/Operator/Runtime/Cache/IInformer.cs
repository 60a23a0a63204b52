namespace EcsOperator.Runtime.Cache;

/// <summary>The kind-independent face of an informer, for the host that runs them all.</summary>
public interface IInformer
{
    string Kind { get; }

    /// <summary>True once the first list is in the cache.</summary>
    bool HasSynced { get; }

    /// <summary>Synced, and the API server answered recently (not several list/watch failures in a row).</summary>
    bool IsConnected { get; }

    /// <summary>How many times the informer listed the whole collection (1 at start, +1 per 410 or failed resume).</summary>
    int ListCount { get; }

    /// <summary>Lists, then watches until cancelled, relisting and reconnecting as needed.</summary>
    Task RunAsync(CancellationToken cancellationToken);

    /// <summary>Completes when the first list is in the cache.</summary>
    Task WaitForSyncAsync(CancellationToken cancellationToken);
}
