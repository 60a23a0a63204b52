using System.Text.Json.Nodes;

namespace LocalKube.Watch;

/// <summary>One line of a watch stream: <c>{"type":...,"object":...}</c>.</summary>
public sealed record WatchFrame(string Type, string ObjectJson)
{
    public string ToLine() => $"{{\"type\":\"{Type}\",\"object\":{ObjectJson}}}\n";

    public static WatchFrame Error(JsonObject status) => new("ERROR", status.ToJsonString());
}
