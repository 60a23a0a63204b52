namespace AwsFaultProxy;

/// <summary>
/// A pure function of (seed, rule, call index) to [0, 1). Each rule's n-th matching call gets the same draw
/// under the same seed, however requests of other rules interleave, so a seed replays the same faults.
/// </summary>
internal static class SeededDraw
{
    public static double Unit(int seed, int ruleKey, long callIndex)
    {
        var x = unchecked(((ulong)(uint)seed << 32) ^ ((ulong)(uint)ruleKey * 0x9E3779B97F4A7C15UL) ^ (ulong)callIndex);
        return (SplitMix64(SplitMix64(x)) >> 11) * (1.0 / (1UL << 53));
    }

    private static ulong SplitMix64(ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }
    }
}
