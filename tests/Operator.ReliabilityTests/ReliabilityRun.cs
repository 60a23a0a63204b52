namespace EcsOperator.ReliabilityTests;

/// <summary>
/// How long a reliability scenario runs and from which seed. CI runs the short mode; ECS_OPERATOR_RELIABILITY_LONG=1
/// runs the long one locally. ECS_OPERATOR_RELIABILITY_SEED replays a failed run: every scenario prints its seed.
/// </summary>
public sealed record ReliabilityRun(int Seed, bool LongMode)
{
    public const string LongModeVariable = "ECS_OPERATOR_RELIABILITY_LONG";
    public const string SeedVariable = "ECS_OPERATOR_RELIABILITY_SEED";

    public static ReliabilityRun FromEnvironment() => Parse(
        Environment.GetEnvironmentVariable(LongModeVariable),
        Environment.GetEnvironmentVariable(SeedVariable),
        Environment.TickCount);

    /// <summary>The fallback seed is only used when none is given, so a printed seed always reproduces the run.</summary>
    public static ReliabilityRun Parse(string? longMode, string? seed, int fallbackSeed)
    {
        var isLong = longMode is "1" or "true" or "True";
        if (string.IsNullOrWhiteSpace(seed))
        {
            return new ReliabilityRun(fallbackSeed & int.MaxValue, isLong);
        }

        return int.TryParse(seed, out var parsed)
            ? new ReliabilityRun(parsed, isLong)
            : throw new ArgumentException($"{SeedVariable} must be an integer, got '{seed}'", nameof(seed));
    }

    /// <summary>The iteration count for this mode: CI cuts iterations, never scenarios.</summary>
    public int Iterations(int inCi, int inLongMode) => LongMode ? inLongMode : inCi;

    public override string ToString() => $"seed={Seed} ({SeedVariable}={Seed}{(LongMode ? $", {LongModeVariable}=1" : "")})";
}
