namespace EcsOperator.Entities.Schema;

/// <summary>
/// Marks a <c>tags</c> map: the generator adds the AWS tag limits and the reserved-prefix rules of
/// <see cref="TagRules"/>, the same rules the operator re-checks before any AWS call.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class TagMapAttribute : Attribute
{
    /// <summary>How many tags the operator adds to the resource, which the user's tags must leave room for.</summary>
    public int OperatorTags { get; set; } = TagRules.OwnershipTags;

    /// <summary>The most tags a user may write into this map.</summary>
    public int MaxUserTags => TagRules.AwsMaxTags - OperatorTags;
}
