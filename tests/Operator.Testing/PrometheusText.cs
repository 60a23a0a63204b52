using System.Globalization;

namespace EcsOperator.Testing;

/// <summary>Reads samples out of a Prometheus text exposition.</summary>
public static class PrometheusText
{
    /// <summary>The value of the first sample of <paramref name="name"/> whose labels contain every given pair; null when absent.</summary>
    public static double? Value(string exposition, string name, params (string Label, string Value)[] labels)
    {
        ArgumentNullException.ThrowIfNull(exposition);
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(name, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line[name.Length..];
            if (rest.Length == 0 || (rest[0] != '{' && rest[0] != ' '))
            {
                continue; // a longer name that starts with this one
            }

            if (labels.All(l => rest.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)))
            {
                return double.Parse(rest[(rest.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    /// <summary>The sum of every sample of <paramref name="name"/> (all label values), 0 when absent.</summary>
    public static double Sum(string exposition, string name)
    {
        ArgumentNullException.ThrowIfNull(exposition);
        return exposition.Split('\n')
            .Where(line => !line.StartsWith('#') && line.StartsWith(name, StringComparison.Ordinal) && line.Length > name.Length && line[name.Length] is '{' or ' ')
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }
}
