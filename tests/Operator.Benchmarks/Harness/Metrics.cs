using System.Globalization;
using EcsOperator.Testing;

namespace EcsOperator.Benchmarks.Harness;

/// <summary>One scrape of the operator's /metrics.</summary>
public sealed class Metrics(string exposition)
{
    public string Text { get; } = exposition;

    public double Sum(string name) => PrometheusText.Sum(Text, name);

    public double Value(string name, params (string Label, string Value)[] labels) => PrometheusText.Value(Text, name, labels) ?? 0;

    public double Reconciles => Sum("controller_runtime_reconcile_total");

    public double ReadyCount(string kind) => Value("ecs_operator_resources", ("kind", kind), ("condition", "Ready"), ("status", "True"));

    public double ManagedHeapBytes => Sum("dotnet_total_memory_bytes");

    public double GcCollections => Sum("dotnet_collection_count_total");

    /// <summary>The cumulative buckets of a histogram without labels: (upper bound, count).</summary>
    public IReadOnlyList<(double Le, double Count)> Buckets(string name) =>
        [.. Text.Split('\n')
            .Where(l => l.StartsWith(name + "_bucket{le=\"", StringComparison.Ordinal))
            .Select(l =>
            {
                var le = l[(name.Length + 12)..l.IndexOf('"', name.Length + 12)];
                var count = double.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
                return (le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture), count);
            })];

    /// <summary>
    /// The q-quantile of the observations made between <paramref name="before"/> and this scrape, linearly interpolated
    /// inside its bucket (as Prometheus's histogram_quantile does); NaN when there were none.
    /// </summary>
    public double Quantile(string name, Metrics before, double q)
    {
        var now = Buckets(name);
        var then = before.Buckets(name).ToDictionary(b => b.Le, b => b.Count);
        var counts = now.Select(b => (b.Le, Count: b.Count - then.GetValueOrDefault(b.Le))).ToList();
        var total = counts.Count == 0 ? 0 : counts[^1].Count;
        if (total == 0)
        {
            return double.NaN;
        }

        var rank = q * total;
        var (lower, below) = (0.0, 0.0);
        foreach (var (le, count) in counts)
        {
            if (count >= rank)
            {
                return double.IsInfinity(le) ? lower : lower + ((le - lower) * (rank - below) / Math.Max(1, count - below));
            }

            (lower, below) = (le, count);
        }

        return lower;
    }
}
