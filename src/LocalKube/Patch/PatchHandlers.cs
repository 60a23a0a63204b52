using LocalKube.Extensibility;
using LocalKube.Server;

namespace LocalKube.Patch;

/// <summary>The patch handlers by content type. Merge and JSON patch are built in; others are added with <see cref="Register"/>.</summary>
public sealed class PatchHandlers
{
    private readonly Dictionary<string, IPatchHandler> _handlers = new(StringComparer.OrdinalIgnoreCase);

    public PatchHandlers()
    {
        Register(new MergePatch());
        Register(new JsonPatch());
    }

    public IEnumerable<string> ContentTypes => _handlers.Keys;

    /// <summary>Adds or replaces the handler for its content type.</summary>
    public void Register(IPatchHandler handler) => _handlers[handler.ContentType] = handler;

    /// <summary>The handler for a Content-Type header (parameters ignored), or a 415 UnsupportedMediaType.</summary>
    public IPatchHandler For(string? contentType)
    {
        var mediaType = (contentType ?? string.Empty).Split(';')[0].Trim();
        return _handlers.TryGetValue(mediaType, out var handler)
            ? handler
            : throw Statuses.UnsupportedMediaType(mediaType, _handlers.Keys);
    }
}
