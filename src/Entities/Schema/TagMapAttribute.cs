namespace EcsOperator.Entities.Schema;

/// <summary>
/// Marks a <c>tags</c> map: the generator adds the AWS tag limits and the reserved-prefix rules of
/// <see cref="Validation.TagRules"/>, the same rules the operator re-checks before any AWS call.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class TagMapAttribute : Attribute;
