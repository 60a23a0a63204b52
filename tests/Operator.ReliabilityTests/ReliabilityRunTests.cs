using Xunit;

namespace EcsOperator.ReliabilityTests;

public sealed class ReliabilityRunTests
{
    [Fact]
    public void A_given_seed_is_kept_and_the_long_mode_raises_iterations()
    {
        var run = ReliabilityRun.Parse("1", "4242", fallbackSeed: 7);

        Assert.Equal(4242, run.Seed);
        Assert.Equal(200, run.Iterations(inCi: 30, inLongMode: 200));
        Assert.Contains("ECS_OPERATOR_RELIABILITY_SEED=4242", run.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_seed_the_fallback_is_used_and_ci_iterations_apply()
    {
        var run = ReliabilityRun.Parse(null, null, fallbackSeed: -5);

        Assert.True(run.Seed >= 0);
        Assert.Equal(30, run.Iterations(inCi: 30, inLongMode: 200));
    }

    [Fact]
    public void A_seed_that_is_not_a_number_names_the_variable()
    {
        var error = Assert.Throws<ArgumentException>(() => ReliabilityRun.Parse(null, "abc", fallbackSeed: 1));

        Assert.Contains(ReliabilityRun.SeedVariable, error.Message, StringComparison.Ordinal);
    }
}
