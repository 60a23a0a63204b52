using System.Text;
using System.Text.Json;
using EcsOperator.Entities;

namespace EcsOperator.ReliabilityTests.Harness;

/// <summary>
/// The last lines the operator logged about each object a phase waited for in vain: a convergence failure under
/// random faults is timing-dependent and may not replay from its seed, so the failure message carries the evidence.
/// </summary>
internal static class OperatorLogTail
{
    private const int LinesPerObject = 12;
    private const int MaxLineLength = 400;

    public static string For(IEnumerable<IEcsResource> objects, Func<IEnumerable<string>>? logLines)
    {
        if (logLines is null)
        {
            return "";
        }

        var wanted = objects.ToDictionary(o => $"{o.Metadata.NamespaceProperty}/{o.Metadata.Name}", o => $"{o.Kind}/{o.Metadata.Name}", StringComparer.Ordinal);
        var tails = wanted.Keys.ToDictionary(key => key, _ => new Queue<string>(), StringComparer.Ordinal);
        foreach (var line in logLines())
        {
            if (ObjectOf(line) is { } key && tails.TryGetValue(key, out var tail))
            {
                tail.Enqueue(Summary(line));
                if (tail.Count > LinesPerObject)
                {
                    tail.Dequeue();
                }
            }
        }

        var text = new StringBuilder();
        foreach (var (key, tail) in tails)
        {
            text.Append($"\n--- the operator's last {tail.Count} log lines about {wanted[key]}:");
            foreach (var line in tail)
            {
                text.Append("\n  ").Append(line);
            }
        }

        return text.ToString();
    }

    /// <summary>The "ns/name" of the reconcile scope a JSON log line was written in, if any.</summary>
    internal static string? ObjectOf(string line)
    {
        if (!line.StartsWith('{') || !line.Contains("\"Object\"", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.TryGetProperty("Scopes", out var scopes) && scopes.ValueKind == JsonValueKind.Array
                ? scopes.EnumerateArray().Select(s => s.TryGetProperty("Object", out var o) ? o.GetString() : null).LastOrDefault(o => o is not null)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Level, message and the first line of any exception: the stack traces would drown the rest.</summary>
    internal static string Summary(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        var level = root.TryGetProperty("LogLevel", out var l) ? l.GetString() : "?";
        var message = root.TryGetProperty("Message", out var m) ? m.GetString() : line;
        var exception = root.TryGetProperty("Exception", out var e) ? " | " + e.GetString()?.Split('\n')[0] : "";
        var text = $"{level}: {message}{exception}";
        return text.Length > MaxLineLength ? text[..MaxLineLength] + "..." : text;
    }
}
