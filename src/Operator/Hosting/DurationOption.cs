using System.CommandLine;

namespace EcsOperator.Hosting;

/// <summary>A flag that takes a duration as Kubernetes tooling writes it (<see cref="GoDuration"/>): 15s, 10m, 1h30m, or seconds.</summary>
public static class DurationOption
{
    /// <summary>The flag; with <paramref name="mustBePositive"/>, 0 is refused (for durations that pace a timer or bound a wait).</summary>
    public static Option<TimeSpan> Create(string name, TimeSpan defaultValue, string description, bool mustBePositive = false) => new(name)
    {
        Description = $"{description} (e.g. 15s, 10m)",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (GoDuration.TryParse(text, out var value) && (value > TimeSpan.Zero || !mustBePositive))
            {
                return value;
            }

            var kind = mustBePositive ? "a positive duration" : "a duration";
            result.AddError($"{name}: '{text}' is not {kind} such as 15s or 10m");
            return defaultValue;
        },
    };
}
