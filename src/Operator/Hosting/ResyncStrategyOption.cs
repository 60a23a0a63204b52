using System.CommandLine;
using EcsOperator.Controllers.Shared;

namespace EcsOperator.Hosting;

/// <summary>`--resync-strategy batched|per-object`: how the periodic resync reads AWS (the benchmark compares both).</summary>
public static class ResyncStrategyOption
{
    public const string Batched = "batched";

    public const string PerObject = "per-object";

    public static Option<ResyncStrategy?> Create(ResyncStrategy defaultValue) => new("--resync-strategy")
    {
        Description = $"How the resync reads AWS: {Batched} (DescribeServices 10 and DescribeClusters 100 per call, fed to the reconciles) or {PerObject} (one Describe per object) [default: {Format(defaultValue)}]",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (Parse(text) is { } strategy)
            {
                return strategy;
            }

            result.AddError($"--resync-strategy: '{text}' is not {Batched} or {PerObject}");
            return null;
        },
    };

    public static ResyncStrategy? Parse(string? text) => text switch
    {
        Batched => ResyncStrategy.Batched,
        PerObject => ResyncStrategy.PerObject,
        _ => null,
    };

    public static string Format(ResyncStrategy strategy) => strategy == ResyncStrategy.PerObject ? PerObject : Batched;
}
