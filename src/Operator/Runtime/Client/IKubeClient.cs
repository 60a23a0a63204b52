using k8s;
using k8s.Models;

namespace EcsOperator.Runtime.Client;

/// <summary>
/// The one gateway to the Kubernetes API. Conflict retries and transient-error backoff live behind it and nowhere
/// else; callers see either a result or a final error.
/// </summary>
public interface IKubeClient
{
    /// <summary>The raw client, for KubernetesClient's own helpers that need one (the LeaseLock).</summary>
    IKubernetes Api { get; }

    Task<TEntity?> GetAsync<TEntity>(string @namespace, string name, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>Lists one namespace (or all when null), filtered by the label selector when given.</summary>
    Task<ResourceList<TEntity>> ListAsync<TEntity>(string? @namespace, string? labelSelector, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>
    /// The same list, one page at a time, so that a caller can let each page go before the next arrives (the informer
    /// keeps JSON, not the parsed objects). Every page carries the list's resourceVersion. A client without paging
    /// hands out its whole list as one page.
    /// </summary>
    async IAsyncEnumerable<ResourceList<TEntity>> ListPagesAsync<TEntity>(string? @namespace, string? labelSelector, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        yield return await ListAsync<TEntity>(@namespace, labelSelector, cancellationToken);
    }

    /// <summary>
    /// Watches from a resourceVersion. The stream ends when the server closes it. An ERROR event (for example 410
    /// Gone) ends the stream with a <see cref="KubernetesException"/>. An event whose object cannot be read as
    /// <typeparamref name="TEntity"/> is not yielded: it goes to <paramref name="onUndecodable"/> and the watch goes on.
    /// </summary>
    IAsyncEnumerable<(WatchEventType Type, TEntity Object)> WatchAsync<TEntity>(string? @namespace, string? labelSelector, string resourceVersion, Action<UndecodableObject> onUndecodable, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>Merge-patches the status subresource with the given patch document (the value of "status").</summary>
    Task<TEntity> PatchStatusAsync<TEntity>(string @namespace, string name, System.Text.Json.Nodes.JsonNode statusPatch, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    /// <summary>
    /// Reads the object, applies the change to its metadata (finalizers, annotations) and writes it with an
    /// optimistic-concurrency merge patch, re-reading and retrying on 409. Returns null when the object is gone,
    /// and the unchanged object when the change returns false (nothing to do).
    /// </summary>
    Task<TEntity?> UpdateMetadataAsync<TEntity>(string @namespace, string name, Func<V1ObjectMeta, bool> change, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>;

    Task<Eventsv1Event> CreateEventAsync(Eventsv1Event body, CancellationToken cancellationToken);

    Task PatchEventSeriesAsync(string @namespace, string name, Eventsv1EventSeries series, CancellationToken cancellationToken);

    Task<V1Lease?> GetLeaseAsync(string @namespace, string name, CancellationToken cancellationToken);

    /// <summary>Replaces the lease (its resourceVersion guards against a concurrent holder).</summary>
    Task<V1Lease> ReplaceLeaseAsync(V1Lease lease, CancellationToken cancellationToken);

    /// <summary>Asks the API server who a bearer token belongs to (a TokenReview), for the metrics endpoint's authentication.</summary>
    Task<V1TokenReviewStatus> ReviewTokenAsync(string token, CancellationToken cancellationToken);

    /// <summary>Asks the API server whether a user may do something (a SubjectAccessReview), for the metrics endpoint's authorization.</summary>
    Task<V1SubjectAccessReviewStatus> ReviewAccessAsync(V1SubjectAccessReviewSpec question, CancellationToken cancellationToken);

    /// <summary>The kube-system namespace's UID: unique per cluster, the default cluster-id.</summary>
    Task<string> GetClusterIdAsync(CancellationToken cancellationToken);
}
