using System.Net;
using EcsOperator.Runtime.Client;
using EcsOperator.Runtime.Reconcile;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Runtime.Cache;

/// <summary>
/// Lists one kind, then watches it from the list's resourceVersion, keeping <see cref="Cache"/> current and telling
/// subscribers what changed. A closed watch resumes from the last version seen (no update lost); 410 Gone forces a
/// relist that is diffed against the cache, so that only changed objects are reported; errors reconnect with
/// jittered backoff.
/// </summary>
public sealed class Informer<TEntity> : IInformer
    where TEntity : class, IKubernetesObject<V1ObjectMeta>
{
    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(30);

    // One dropped watch is routine; several failures in a row mean the API server is unreachable.
    private const int FailuresBeforeDisconnected = 3;
    private readonly IKubeClient _client;
    private readonly ShardScope _scope;
    private readonly ILogger _logger;
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Action<InformerEvent<TEntity>>> _subscribers = [];
    private string? _resourceVersion;
    private int _listCount;
    private int _consecutiveFailures;

    public Informer(IKubeClient client, ShardScope scope, ILogger<Informer<TEntity>> logger, IEnumerable<IndexDefinition<TEntity>> indexes)
    {
        _client = client;
        _scope = scope;
        _logger = logger;
        Cache = new ObjectCache<TEntity>(indexes);
    }

    public string Kind { get; } = EntityMetadata.Of<TEntity>().Kind;

    public ObjectCache<TEntity> Cache { get; }

    public bool HasSynced => _synced.Task.IsCompleted;

    public int ListCount => Volatile.Read(ref _listCount);

    /// <summary>The resourceVersion of the last change applied to the cache and published to every subscriber.</summary>
    public string? ResourceVersion => Volatile.Read(ref _resourceVersion);

    public bool IsConnected => HasSynced && Volatile.Read(ref _consecutiveFailures) < FailuresBeforeDisconnected;

    /// <summary>Registers a handler; called on the informer's loop, so it must be quick (enqueue, do not work).</summary>
    public void Subscribe(Action<InformerEvent<TEntity>> handler)
    {
        lock (_subscribers)
        {
            _subscribers.Add(handler);
        }
    }

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        string? resourceVersion = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                resourceVersion ??= await RelistAsync(cancellationToken);
                resourceVersion = await WatchAsync(resourceVersion, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (IsGone(e))
            {
                Log.WatchExpired(_logger, Kind, resourceVersion);
                resourceVersion = null;
            }
            catch (Exception e)
            {
                var failures = Interlocked.Increment(ref _consecutiveFailures);
                var delay = TransientRetry.Backoff(failures);
                delay = delay > MaxReconnectDelay ? MaxReconnectDelay : delay;
                Log.WatchFailed(_logger, e, Kind, delay.TotalMilliseconds);
                await Task.Delay(delay, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task<string> RelistAsync(CancellationToken cancellationToken)
    {
        var previous = Cache.Versions();
        var (listed, resourceVersion) = (0, string.Empty);

        // Page by page: the cache keeps JSON, so each page's parsed objects can go once stored. The whole parsed list
        // held at once made a fresh start's peak higher than the cache it fills (docs/performance.md).
        await foreach (var page in _client.ListPagesAsync<TEntity>(_scope.Namespace, SelectorText(), cancellationToken))
        {
            foreach (var obj in page.Items)
            {
                var key = ReconcileRequest.For(obj).ToString();
                if (!previous.Remove(key, out var oldVersion) || oldVersion != obj.Metadata.ResourceVersion)
                {
                    var old = Cache.Upsert(obj);
                    Publish(new InformerEvent<TEntity>(old is null ? InformerEventType.Added : InformerEventType.Updated, obj, old));
                }
            }

            foreach (var bad in page.Undecodable)
            {
                Log.UndecodableSkipped(_logger, Kind, bad.Key, bad.ResourceVersion, bad.Reason);
            }

            (listed, resourceVersion) = (listed + page.Items.Count, page.ResourceVersion);
        }

        Interlocked.Increment(ref _listCount);
        Volatile.Write(ref _consecutiveFailures, 0);

        // An object left out of every page (deleted, or undecodable: logged above) is dropped from the cache: for an
        // undecodable one, reconciling a spec the user has since replaced would undo their edit.
        foreach (var key in previous.Keys)
        {
            if (Cache.Remove(key) is { } gone)
            {
                Publish(new InformerEvent<TEntity>(InformerEventType.Deleted, gone, gone));
            }
        }

        Volatile.Write(ref _resourceVersion, resourceVersion);
        Log.Listed(_logger, Kind, listed, resourceVersion);
        _synced.TrySetResult();
        return resourceVersion;
    }

    /// <summary>Applies watch events until the server ends the stream; returns the last resourceVersion seen.</summary>
    private async Task<string> WatchAsync(string resourceVersion, CancellationToken cancellationToken)
    {
        void Skip(UndecodableObject bad)
        {
            Log.UndecodableSkipped(_logger, Kind, bad.Key, bad.ResourceVersion, bad.Reason);
            resourceVersion = bad.ResourceVersion ?? resourceVersion;
            if (Cache.Remove(bad.Key) is { } stale)
            {
                Publish(new InformerEvent<TEntity>(InformerEventType.Deleted, stale, stale));
            }

            Volatile.Write(ref _resourceVersion, resourceVersion);
        }

        await foreach (var (type, obj) in _client.WatchAsync<TEntity>(_scope.Namespace, SelectorText(), resourceVersion, Skip, cancellationToken))
        {
            resourceVersion = obj.Metadata?.ResourceVersion ?? resourceVersion;
            Volatile.Write(ref _consecutiveFailures, 0); // any event, bookmarks included, proves the API answers
            switch (type)
            {
                case WatchEventType.Added:
                case WatchEventType.Modified:
                    var old = Cache.Upsert(obj);
                    Publish(new InformerEvent<TEntity>(old is null ? InformerEventType.Added : InformerEventType.Updated, obj, old));
                    break;
                case WatchEventType.Deleted:
                    var removed = Cache.Remove(ReconcileRequest.For(obj).ToString());
                    Publish(new InformerEvent<TEntity>(InformerEventType.Deleted, obj, removed));
                    break;
                default:
                    break; // bookmarks only move the resourceVersion
            }

            Volatile.Write(ref _resourceVersion, resourceVersion);
        }

        return resourceVersion;
    }

    private void Publish(InformerEvent<TEntity> change)
    {
        Action<InformerEvent<TEntity>>[] handlers;
        lock (_subscribers)
        {
            handlers = [.. _subscribers];
        }

        foreach (var handler in handlers)
        {
            handler(change);
        }
    }

    private string? SelectorText() => _scope.Selector.IsEverything ? null : _scope.Selector.Text;

    private static bool IsGone(Exception e) => e switch
    {
        KubernetesException k => k.Status?.Code == (int)HttpStatusCode.Gone,
        HttpOperationException h => h.Response?.StatusCode == HttpStatusCode.Gone,
        _ => false,
    };
}
