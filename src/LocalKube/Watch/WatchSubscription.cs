using System.Text.Json.Nodes;
using System.Threading.Channels;
using LocalKube.Registry;
using LocalKube.Serialization;

namespace LocalKube.Watch;

/// <summary>
/// One open watch. The store writes frames into a bounded channel while it holds its lock, so every watcher sees
/// events in resourceVersion order. Writers never wait for a watcher: when a watcher's channel is full (a client
/// that reads too slowly), the watch is ended with a 410 Expired ERROR event and the client must relist, like
/// kube-apiserver's cacher terminating a blocked watcher.
/// </summary>
public sealed class WatchSubscription
{
    private readonly Channel<WatchFrame> _channel;
    private readonly IStorageConversion? _conversion;

    internal WatchSubscription(WatchFilter filter, string apiVersion, string kind, bool bookmarks, int capacity, IStorageConversion? conversion)
    {
        _conversion = conversion;
        Filter = filter;
        ApiVersion = apiVersion;
        Kind = kind;
        WantsBookmarks = bookmarks;
        _channel = Channel.CreateBounded<WatchFrame>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public WatchFilter Filter { get; }

    /// <summary>The apiVersion the client asked for; objects stored under another version are relabelled.</summary>
    public string ApiVersion { get; }

    public string Kind { get; }

    public bool WantsBookmarks { get; }

    public ChannelReader<WatchFrame> Frames => _channel.Reader;

    /// <summary>Queues a frame; false (and the watch ended with 410) when the watcher has fallen too far behind.</summary>
    internal bool TryWrite(WatchFrame frame)
    {
        if (_channel.Writer.TryWrite(frame))
        {
            return true;
        }

        End(new WatchExpiredException("the watch fell too far behind the event stream; relist and watch again"));
        return false;
    }

    /// <summary>Ends the stream; with an error, the client receives it as a 410 ERROR event.</summary>
    internal void End(WatchExpiredException? error = null) => _channel.Writer.TryComplete(error);

    internal string Relabel(WatchEvent e)
    {
        if (e.Object["apiVersion"] is JsonValue v && v.TryGetValue<string>(out var stored) && stored == ApiVersion)
        {
            return e.ObjectJson;
        }

        var copy = _conversion?.FromStorage(e.Object) ?? (JsonObject)e.Object.DeepClone();
        copy["apiVersion"] = ApiVersion;
        return JsonLimits.Write(copy);
    }
}

/// <summary>Ends a watch with 410 Expired: history compacted, or the watcher fell behind.</summary>
public sealed class WatchExpiredException : Exception
{
    public WatchExpiredException()
    {
    }

    public WatchExpiredException(string message)
        : base(message)
    {
    }

    public WatchExpiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
