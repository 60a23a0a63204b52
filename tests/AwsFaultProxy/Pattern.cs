namespace AwsFaultProxy;

/// <summary>A case-insensitive glob with <c>*</c>, <c>?</c> and alternatives separated by <c>,</c> or <c>|</c>.</summary>
internal sealed class Pattern
{
    private readonly string[] _alternatives;

    private Pattern(string[] alternatives) => _alternatives = alternatives;

    public static Pattern Parse(string text, Func<string, string>? normalize = null) =>
        new(text.Split([',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => normalize is not null && !a.Contains('*', StringComparison.Ordinal) && !a.Contains('?', StringComparison.Ordinal) ? normalize(a) : a)
            .ToArray());

    public bool Matches(string value) => _alternatives.Any(a => Glob(a, value));

    private static bool Glob(string pattern, string value)
    {
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(value[v])))
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = v;
            }
            else if (star >= 0)
            {
                // Backtrack: let the last star swallow one more character.
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
