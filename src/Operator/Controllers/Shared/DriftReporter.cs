using EcsOperator.Entities;
using EcsOperator.Runtime.Status;
using Prometheus;

namespace EcsOperator.Controllers.Shared;

/// <summary>
/// Out-of-band changes found on a resync and reverted (DESIGN.md §5): a Warning event DriftCorrected on the object
/// naming the fields, and ecs_operator_drift_corrections_total{kind,field}.
/// </summary>
public sealed class DriftReporter
{
    private readonly Counter _corrections;

    public DriftReporter(CollectorRegistry? registry = null)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry ?? Prometheus.Metrics.DefaultRegistry);
        _corrections = factory.CreateCounter(
            "ecs_operator_drift_corrections_total",
            "Fields changed outside the operator that it reverted, by kind and field.",
            new CounterConfiguration { LabelNames = ["kind", "field"] });
    }

    /// <summary>True when the object had converged on its current generation: a difference now is drift, not an edit.</summary>
    public static bool WasConverged(IEcsResource obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj.ResourceStatus.ObservedGeneration == obj.Metadata.Generation && Conditions.IsTrue(obj.ResourceStatus, ConditionTypes.Ready);
    }

    public async Task ReportAsync<TEntity>(StatusReporter<TEntity> status, TEntity obj, IReadOnlyCollection<string> fields, string resource, CancellationToken cancellationToken)
        where TEntity : class, IEcsResource
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count == 0)
        {
            return;
        }

        foreach (var field in fields)
        {
            _corrections.WithLabels(obj.Kind, field).Inc();
        }

        await status.RecordAsync(obj, EventSeverity.Warning, "DriftCorrected", "Reconcile", $"{resource}: reverted {string.Join(", ", fields)} changed outside the operator", cancellationToken);
    }
}
