using System.Globalization;
using System.Text;

namespace LocalKube.Validation;

/// <summary>Go's fmt verbs that Kubernetes error messages use (%q and %v), so that texts match byte for byte.</summary>
public static class GoFormat
{
    /// <summary>Go's strconv.Quote: double quotes with backslash escapes.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            _ = c switch
            {
                '"' => sb.Append("\\\""),
                '\\' => sb.Append("\\\\"),
                '\n' => sb.Append("\\n"),
                '\r' => sb.Append("\\r"),
                '\t' => sb.Append("\\t"),
                _ when char.IsControl(c) => sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => sb.Append(c),
            };
        }

        return sb.Append('"').ToString();
    }

    /// <summary>How field.Error prints a bad value: strings quoted, numbers and booleans plain, nil as null.</summary>
    public static string Value(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        double d => Number(d),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };

    /// <summary>Go's %v for a float64: shortest representation, exponent form only for large magnitudes.</summary>
    public static string Number(double d) =>
        Math.Abs(d) is >= 1e21 or (> 0 and < 1e-4)
            ? d.ToString("0.################e+00", CultureInfo.InvariantCulture)
            : d.ToString("R", CultureInfo.InvariantCulture);
}
