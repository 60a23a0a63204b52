using EcsOperator.Entities;

namespace EcsOperator.Controllers.Shared;

/// <summary>The pause annotation (<c>ecs.operator.dev/reconcile: paused</c>): the object is left alone, reads included.</summary>
public static class Pause
{
    public static bool IsPaused(IEcsResource obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj.Metadata.Annotations?.TryGetValue(WellKnown.ReconcileAnnotation, out var value) == true
            && string.Equals(value, WellKnown.Paused, StringComparison.OrdinalIgnoreCase);
    }
}
