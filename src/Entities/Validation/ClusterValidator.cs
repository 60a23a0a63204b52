namespace EcsOperator.Entities.Validation;

/// <summary>The rules of a Cluster spec that the schema alone does not guarantee on every API server.</summary>
public static class ClusterValidator
{
    public static IReadOnlyList<FieldError> Validate(ClusterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return TagValidator.Validate(spec.Tags, "spec.tags").ToList();
    }
}
