using CsCheck;

namespace EcsOperator.ReliabilityTests.Properties;

/// <summary>
/// How many samples a property draws: CI keeps it short, ECS_OPERATOR_RELIABILITY_LONG=1 draws many more. CsCheck
/// prints the failing sample's seed ("Set seed: ..."); set it with the CsCheck_Seed environment variable to replay it.
/// One thread: the CI machine has two cores and the rest of the suite runs beside these.
/// </summary>
public static class PropertyRuns
{
    private static readonly ReliabilityRun Run = ReliabilityRun.FromEnvironment();

    public static long Iterations => Run.Iterations(inCi: 2_000, inLongMode: 100_000);

    public static void Check<T>(Gen<T> gen, Action<T> property, Func<T, string>? print = null) =>
        gen.Sample(property, iter: Iterations, threads: 1, print: print);
}
