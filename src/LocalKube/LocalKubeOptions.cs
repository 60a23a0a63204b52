using LocalKube.Extensibility;
using Microsoft.Extensions.Logging;

namespace LocalKube;

/// <summary>How to start a <see cref="LocalKubeServer"/>.</summary>
public sealed class LocalKubeOptions
{
    /// <summary>The 127.0.0.1 port; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>Serve HTTPS with a generated self-signed certificate (its CA goes into the kubeconfig).</summary>
    public bool UseTls { get; set; }

    /// <summary>Where to write the kubeconfig; null writes one into a fresh temporary directory (removed on dispose).</summary>
    public string? KubeconfigPath { get; set; }

    /// <summary>A directory of YAML files (CRDs and any other objects) applied at start.</summary>
    public string? CrdDirectory { get; set; }

    /// <summary>The UID of kube-system (the operator's default cluster-id); null generates one per server.</summary>
    public string? KubeSystemUid { get; set; }

    /// <summary>How many events the watch history keeps; watches from older resourceVersions get 410 Gone.</summary>
    public int WatchHistorySize { get; set; } = 10_000;

    /// <summary>Events a watcher may have queued before it is considered too slow and ended with 410.</summary>
    public int WatcherQueueCapacity { get; set; } = 10_000;

    /// <summary>How many requests <see cref="LocalKubeServer.Requests"/> keeps in detail (its permission set is never truncated).</summary>
    public int RequestRecordCapacity { get; set; } = 100_000;

    /// <summary>How often a watch that allows bookmarks receives one.</summary>
    public TimeSpan BookmarkInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a watch lasts when the client gives no timeoutSeconds.</summary>
    public TimeSpan DefaultWatchTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Create/update hooks, run in order (schema validation, defaulting, pruning, managedFields).</summary>
    public IList<IObjectValidator> Validators { get; } = [];

    /// <summary>Extra patch types (strategic merge, server-side apply).</summary>
    public IList<IPatchHandler> PatchHandlers { get; } = [];

    /// <summary>Extra endpoints served before the API (OpenAPI documents).</summary>
    public IList<IRequestHandler> RequestHandlers { get; } = [];

    /// <summary>Renders Table responses for kubectl get; null answers those requests with plain JSON.</summary>
    public ITableRenderer? TableRenderer { get; set; }

    /// <summary>Where LocalKube logs (unexpected request failures, debug request lines); null logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Called once the core services exist and before the server listens: the place for extensions that need the
    /// registry or service (an OpenAPI builder subscribing to <see cref="Registry.ResourceTypeRegistry.Changed"/>).
    /// </summary>
    public Action<LocalKubeServer>? Configure { get; set; }
}
