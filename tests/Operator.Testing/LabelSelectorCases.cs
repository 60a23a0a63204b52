using Xunit;

namespace EcsOperator.Testing;

/// <summary>
/// One table of label-selector cases, run against both parsers: LocalKube's (the API server the tests talk to) and
/// the runtime's (which decides whether a referenced object is in this shard). If they disagree, one of them is wrong.
/// </summary>
public static class LabelSelectorCases
{
    /// <summary>The labels every case is matched against.</summary>
    public static IReadOnlyDictionary<string, string> Labels { get; } = new Dictionary<string, string> { ["shard"] = "a", ["tier"] = "web" };

    public static TheoryData<string, bool> Matching { get; } = new()
    {
        { "", true },
        { "shard=a", true },
        { "shard==a", true },
        { "shard=b", false },
        { "shard!=b", true },
        { "shard", true },
        { "!shard", false },
        { "!missing", true },
        { "shard in (a, b)", true },
        { "shard notin (a,b)", false },
        { "missing notin (a)", true },
        { "shard=a,tier in (web,api)", true },
        { "shard=a,tier=api", false },
        { "tier in (web, api),!legacy", true },
        { "tier notin (web)", false },
        { "env", false },
        { "shard=a,env!=dev", true },
    };

    public static TheoryData<string> Malformed { get; } = ["shard in a", "shard in (a", "a b"];
}
