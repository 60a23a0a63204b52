using System.Globalization;
using System.Text.RegularExpressions;

namespace EcsOperator.Hosting;

/// <summary>
/// Parses durations the way Kubernetes tooling writes them ("15s", "10m", "1h30m", "500ms"), so that flags
/// read like controller-runtime's. A bare number is seconds.
/// </summary>
public static partial class GoDuration
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            value = TimeSpan.FromSeconds(seconds);
            return seconds >= 0;
        }

        var matches = Part().Matches(text);
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)) != text)
        {
            return false;
        }

        foreach (Match m in matches)
        {
            var n = double.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
            value += m.Groups["u"].Value switch
            {
                "h" => TimeSpan.FromHours(n),
                "m" => TimeSpan.FromMinutes(n),
                "s" => TimeSpan.FromSeconds(n),
                "ms" => TimeSpan.FromMilliseconds(n),
                _ => TimeSpan.Zero,
            };
        }

        return true;
    }

    /// <summary>The form the flags accept: 15s, 10m, 1h30m, 500ms; "0s" for zero.</summary>
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "a duration flag is never negative");
        }

        var parts = new List<string>();
        AddPart(parts, (int)value.TotalHours, "h");
        AddPart(parts, value.Minutes, "m");
        AddPart(parts, value.Seconds, "s");
        AddPart(parts, value.Milliseconds, "ms");
        return parts.Count == 0 ? "0s" : string.Concat(parts);
    }

    private static void AddPart(List<string> parts, int amount, string unit)
    {
        if (amount > 0)
        {
            parts.Add(amount.ToString(CultureInfo.InvariantCulture) + unit);
        }
    }

    [GeneratedRegex(@"(?<n>\d+(\.\d+)?)(?<u>ms|h|m|s)")]
    private static partial Regex Part();
}
