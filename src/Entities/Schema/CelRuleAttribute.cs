namespace EcsOperator.Entities.Schema;

/// <summary>
/// An <c>x-kubernetes-validations</c> rule on the schema node of the annotated class or property.
/// On an entity class the rule sits at the root, where <c>self.metadata.name</c> is visible.
/// Rules that mention <c>oldSelf</c> are transition rules and run on updates only.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class CelRuleAttribute(string rule, string message) : Attribute
{
    public string Rule { get; } = rule;

    public string Message { get; } = message;

    /// <summary>The field the API server blames, relative to the node, for example <c>.spec.clusterName</c>.</summary>
    public string? FieldPath { get; set; }
}
