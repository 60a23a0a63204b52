using System.CommandLine;

namespace EcsOperator.Hosting;

/// <summary>A flag that takes a duration as Kubernetes tooling writes it (<see cref="GoDuration"/>): 15s, 10m, 1h30m, or seconds.</summary>
public static class DurationOption
{
    /// <summary>
    /// The flag; with <paramref name="mustBePositive"/>, 0 is refused (for durations that pace a timer or bound a wait).
    /// Its default is shown in the help as the flags write it ("15s", not "00:00:15"), so the option has no
    /// DefaultValueFactory (whose value the help would print with TimeSpan.ToString): read it with <see cref="Value"/>.
    /// </summary>
    public static Option<TimeSpan?> Create(string name, TimeSpan defaultValue, string description, bool mustBePositive = false) => new(name)
    {
        Description = $"{description} (e.g. 15s, 10m) [default: {GoDuration.Format(defaultValue)}]",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (GoDuration.TryParse(text, out var value) && (value > TimeSpan.Zero || !mustBePositive))
            {
                return value;
            }

            var kind = mustBePositive ? "a positive duration" : "a duration";
            result.AddError($"{name}: '{text}' is not {kind} such as 15s or 10m");
            return null;
        },
    };

    /// <summary>The flag's value, or <paramref name="defaultValue"/> when it was not given.</summary>
    public static TimeSpan Value(ParseResult parse, Option<TimeSpan?> option, TimeSpan defaultValue)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(option) ?? defaultValue;
    }
}
