using System.Text.RegularExpressions;

namespace EcsOperator.Playground;

/// <summary>The text of a manifest with its <c>${NAME}</c> placeholders replaced, and which names it used.</summary>
public sealed record RewrittenManifest(string Text, IReadOnlyList<string> UsedPlaceholders);

/// <summary>
/// Replaces <c>${NAME}</c> placeholders in a manifest with the IDs the playground seeded. moto's IDs are random,
/// so the samples cannot carry them literally. A placeholder with no value is an error that names it and the file,
/// rather than an object applied with a literal <c>${...}</c> that fails later and far away.
/// </summary>
public static partial class PlaceholderRewriter
{
    public static RewrittenManifest Rewrite(string text, string source, IReadOnlyDictionary<string, string> values)
    {
        var used = new List<string>();
        var unknown = new List<string>();
        var rewritten = Placeholder().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            if (values.TryGetValue(name, out var value))
            {
                AddOnce(used, name);
                return value;
            }

            AddOnce(unknown, name);
            return match.Value;
        });

        if (unknown.Count > 0)
        {
            var names = string.Join(", ", unknown.Select(n => $"${{{n}}}"));
            var known = string.Join(", ", values.Keys.Order(StringComparer.Ordinal));
            throw new PlaygroundException($"{source}: unknown placeholder{(unknown.Count > 1 ? "s" : "")} {names} (known: {known})");
        }

        return new RewrittenManifest(rewritten, used);
    }

    private static void AddOnce(List<string> names, string name)
    {
        if (!names.Contains(name))
        {
            names.Add(name);
        }
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
