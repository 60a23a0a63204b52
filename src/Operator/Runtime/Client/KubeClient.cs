using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EcsOperator.Runtime.Json;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace EcsOperator.Runtime.Client;

/// <summary>
/// <see cref="IKubeClient"/> on KubernetesClient's CustomObjects, EventsV1, CoordinationV1 and CoreV1 APIs.
/// </summary>
public sealed class KubeClient(IKubernetes api) : IKubeClient
{
    private const int MaxConflictRetries = 10;

    /// <summary>client-go's reflector page size.</summary>
    private const int ListPageSize = 500;

    public IKubernetes Api { get; } = api;

    public async Task<TEntity?> GetAsync<TEntity>(string @namespace, string name, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var meta = EntityMetadata.Of<TEntity>();
        try
        {
            return await TransientRetry.RunAsync(
                ct => Api.CustomObjects.GetNamespacedCustomObjectAsync<TEntity>(meta.Group, meta.Version, @namespace, meta.Plural, name, ct),
                cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<ResourceList<TEntity>> ListAsync<TEntity>(string? @namespace, string? labelSelector, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var items = new List<TEntity>();
        var undecodable = new List<UndecodableObject>();
        var resourceVersion = string.Empty;
        await foreach (var page in ListPagesAsync<TEntity>(@namespace, labelSelector, cancellationToken))
        {
            items.AddRange(page.Items);
            undecodable.AddRange(page.Undecodable);
            resourceVersion = page.ResourceVersion;
        }

        return new ResourceList<TEntity>(items, resourceVersion, undecodable);
    }

    public async IAsyncEnumerable<ResourceList<TEntity>> ListPagesAsync<TEntity>(string? @namespace, string? labelSelector, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        // In pages, as client-go's reflector lists: one response for 10,000 objects is a buffer of tens of MB that
        // the GC keeps committed long after the list (docs/performance.md).
        string? next = null;
        do
        {
            var page = await ListPageAsync<TEntity>(@namespace, labelSelector, next, cancellationToken);
            var items = new List<TEntity>();
            var undecodable = new List<UndecodableObject>();
            foreach (var raw in page.Items ?? [])
            {
                if (UndecodableObject.TryDecode<TEntity>(raw, out var entity, out var bad))
                {
                    items.Add(entity);
                }
                else
                {
                    undecodable.Add(bad);
                }
            }

            yield return new ResourceList<TEntity>(items, page.Metadata?.ResourceVersion ?? string.Empty, undecodable);
            next = page.Metadata?.ContinueProperty;
        }
        while (!string.IsNullOrEmpty(next));
    }

    public async IAsyncEnumerable<(WatchEventType Type, TEntity Object)> WatchAsync<TEntity>(string? @namespace, string? labelSelector, string resourceVersion, Action<UndecodableObject> onUndecodable, [EnumeratorCancellation] CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var meta = EntityMetadata.Of<TEntity>();
        using var stream = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? failure = null;
        void OnError(Exception e)
        {
            failure ??= e;
            stream.Cancel();
        }

        // Like client-go: let the server end each watch after a few minutes, then resume from the last version.
#pragma warning disable CA5394 // spreading watch timeouts needs no cryptographic randomness
        var timeoutSeconds = 60 + Random.Shared.Next(30);
#pragma warning restore CA5394
        var events = string.IsNullOrEmpty(@namespace)
            ? Api.CustomObjects.WatchListCustomObjectForAllNamespacesAsync(meta.Group, meta.Version, meta.Plural, allowWatchBookmarks: true, labelSelector: labelSelector, resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, onError: OnError, cancellationToken: stream.Token)
            : Api.CustomObjects.WatchListNamespacedCustomObjectAsync(meta.Group, meta.Version, @namespace, meta.Plural, allowWatchBookmarks: true, labelSelector: labelSelector, resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, onError: OnError, cancellationToken: stream.Token);

        await using var enumerator = events.GetAsyncEnumerator(stream.Token);
        while (true)
        {
            bool more;
            try
            {
                more = await enumerator.MoveNextAsync();
            }
            catch (OperationCanceledException) when (failure is not null && !cancellationToken.IsCancellationRequested)
            {
                throw failure;
            }

            if (!more)
            {
                yield break;
            }

            var (type, raw) = enumerator.Current;
            if (raw is TEntity typed)
            {
                yield return (type, typed);
            }
            else if (UndecodableObject.TryDecode<TEntity>(raw is JsonElement element ? element : JsonSerializer.Deserialize(KubernetesJson.Serialize(raw), OperatorJsonContext.Default.JsonElement), out var entity, out var bad))
            {
                yield return (type, entity);
            }
            else
            {
                onUndecodable(bad);
            }
        }
    }

    public Task<TEntity> PatchStatusAsync<TEntity>(string @namespace, string name, JsonNode statusPatch, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var meta = EntityMetadata.Of<TEntity>();
        var body = new JsonObject { ["status"] = statusPatch.DeepClone() };
        var patch = new V1Patch(body.ToJsonString(), V1Patch.PatchType.MergePatch);
        return TransientRetry.RunAsync(
            ct => Api.CustomObjects.PatchNamespacedCustomObjectStatusAsync<TEntity>(patch, meta.Group, meta.Version, @namespace, meta.Plural, name, cancellationToken: ct),
            cancellationToken);
    }

    public async Task<TEntity?> UpdateMetadataAsync<TEntity>(string @namespace, string name, Func<V1ObjectMeta, bool> change, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(change);
        var meta = EntityMetadata.Of<TEntity>();
        for (var attempt = 1; ; attempt++)
        {
            var current = await GetAsync<TEntity>(@namespace, name, cancellationToken);
            if (current is null)
            {
                return null;
            }

            var before = JsonNode.Parse(KubernetesJson.Serialize(current.Metadata));
            if (!change(current.Metadata))
            {
                return current;
            }

            var diff = JsonMergePatch.Create(before, JsonNode.Parse(KubernetesJson.Serialize(current.Metadata)));
            if (diff is not JsonObject metadataPatch)
            {
                return current;
            }

            // The resourceVersion makes the patch conditional: a concurrent writer turns it into a 409, not a lost update.
            metadataPatch["resourceVersion"] = current.Metadata.ResourceVersion;
            var patch = new V1Patch(new JsonObject { ["metadata"] = metadataPatch }.ToJsonString(), V1Patch.PatchType.MergePatch);
            try
            {
                return await TransientRetry.RunAsync(
                    ct => Api.CustomObjects.PatchNamespacedCustomObjectAsync<TEntity>(patch, meta.Group, meta.Version, @namespace, meta.Plural, name, cancellationToken: ct),
                    cancellationToken);
            }
            catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.Conflict && attempt < MaxConflictRetries)
            {
            }
            catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        }
    }

    public Task<Eventsv1Event> CreateEventAsync(Eventsv1Event body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        return TransientRetry.RunAsync(
            ct => Api.EventsV1.CreateNamespacedEventAsync(body, body.Metadata.NamespaceProperty, cancellationToken: ct),
            cancellationToken);
    }

    public Task PatchEventSeriesAsync(string @namespace, string name, Eventsv1EventSeries series, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["series"] = JsonNode.Parse(KubernetesJson.Serialize(series)) };
        var patch = new V1Patch(body.ToJsonString(), V1Patch.PatchType.MergePatch);
        return TransientRetry.RunAsync(
            ct => Api.EventsV1.PatchNamespacedEventAsync(patch, name, @namespace, cancellationToken: ct),
            cancellationToken);
    }

    public async Task<V1Lease?> GetLeaseAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await TransientRetry.RunAsync(
                ct => Api.CoordinationV1.ReadNamespacedLeaseAsync(name, @namespace, cancellationToken: ct),
                cancellationToken);
        }
        catch (HttpOperationException e) when (e.Response?.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task<V1Lease> ReplaceLeaseAsync(V1Lease lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return TransientRetry.RunAsync(
            ct => Api.CoordinationV1.ReplaceNamespacedLeaseAsync(lease, lease.Metadata.Name, lease.Metadata.NamespaceProperty, cancellationToken: ct),
            cancellationToken);
    }

    public async Task<V1TokenReviewStatus> ReviewTokenAsync(string token, CancellationToken cancellationToken)
    {
        var review = new V1TokenReview { Spec = new V1TokenReviewSpec { Token = token } };
        var answer = await TransientRetry.RunAsync(ct => Api.AuthenticationV1.CreateTokenReviewAsync(review, cancellationToken: ct), cancellationToken);
        return answer.Status;
    }

    public async Task<V1SubjectAccessReviewStatus> ReviewAccessAsync(V1SubjectAccessReviewSpec question, CancellationToken cancellationToken)
    {
        var review = new V1SubjectAccessReview { Spec = question };
        var answer = await TransientRetry.RunAsync(ct => Api.AuthorizationV1.CreateSubjectAccessReviewAsync(review, cancellationToken: ct), cancellationToken);
        return answer.Status;
    }

    public async Task<string> GetClusterIdAsync(CancellationToken cancellationToken)
    {
        var kubeSystem = await TransientRetry.RunAsync(
            ct => Api.CoreV1.ReadNamespaceAsync("kube-system", cancellationToken: ct),
            cancellationToken);
        return kubeSystem.Metadata.Uid;
    }

    private Task<ListShape> ListPageAsync<TEntity>(string? @namespace, string? labelSelector, string? continueToken, CancellationToken cancellationToken)
        where TEntity : class, IKubernetesObject<V1ObjectMeta>
    {
        var meta = EntityMetadata.Of<TEntity>();
        return TransientRetry.RunAsync(
            ct => string.IsNullOrEmpty(@namespace)
                ? Api.CustomObjects.ListCustomObjectForAllNamespacesAsync<ListShape>(meta.Group, meta.Version, meta.Plural, continueParameter: continueToken, labelSelector: labelSelector, limit: ListPageSize, cancellationToken: ct)
                : Api.CustomObjects.ListNamespacedCustomObjectAsync<ListShape>(meta.Group, meta.Version, @namespace, meta.Plural, continueParameter: continueToken, labelSelector: labelSelector, limit: ListPageSize, cancellationToken: ct),
            cancellationToken);
    }

    /// <summary>A list page whose items stay raw, so that each is decoded (or skipped) on its own.</summary>
    internal sealed class ListShape
    {
        [JsonPropertyName("metadata")]
        public V1ListMeta? Metadata { get; set; }

        [JsonPropertyName("items")]
        public List<JsonElement>? Items { get; set; }
    }
}
