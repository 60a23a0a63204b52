using System.Text.Json.Nodes;
using LocalKube.Selectors;
using LocalKube.Storage;

namespace LocalKube.Watch;

/// <summary>Which objects a watch or list covers: one storage resource, optionally one namespace, and selectors.</summary>
public sealed record WatchFilter(string StorageResource, string? Namespace, LabelSelector Labels, FieldSelector Fields)
{
    public bool Covers(ObjectKey key) =>
        key.StorageResource == StorageResource && (Namespace is null || key.Namespace == Namespace);

    public bool Matches(JsonObject obj) => Labels.Matches(obj) && Fields.Matches(obj);

    /// <summary>
    /// The event type this watcher should see for a change, or null when the change is outside its selection.
    /// An object that stops matching is reported DELETED; one that starts matching, ADDED.
    /// </summary>
    public string? TypeFor(WatchEvent e)
    {
        if (!Covers(e.Key))
        {
            return null;
        }

        var now = Matches(e.Object);
        if (e.Type != "MODIFIED")
        {
            return now ? e.Type : null;
        }

        var before = e.Previous is not null && Matches(e.Previous);
        return (before, now) switch
        {
            (true, true) => "MODIFIED",
            (false, true) => "ADDED",
            (true, false) => "DELETED",
            _ => null,
        };
    }
}
