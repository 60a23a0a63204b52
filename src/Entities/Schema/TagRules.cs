namespace EcsOperator.Entities.Schema;

/// <summary>
/// AWS's tag limits, tightened by the two ownership tags the operator adds to every resource.
/// The CRD schema and the operator's TagValidator both read these numbers, so they cannot disagree.
/// </summary>
public static class TagRules
{
    /// <summary>AWS allows 50 tags per resource.</summary>
    public const int AwsMaxTags = 50;

    /// <summary>The operator's own tags: owner and cluster-id.</summary>
    public const int OwnershipTags = 2;

    /// <summary>Task definition revisions also carry the spec-hash tag.</summary>
    public const int TaskDefinitionOperatorTags = OwnershipTags + 1;

    /// <summary>How many tags a user may set so that the total stays within AWS's limit.</summary>
    public const int MaxUserTags = AwsMaxTags - OwnershipTags;

    /// <summary>The same for a TaskDefinition, whose revisions carry one more operator tag.</summary>
    public const int MaxTaskDefinitionUserTags = AwsMaxTags - TaskDefinitionOperatorTags;

    public const int MaxKeyLength = 128;

    public const int MaxValueLength = 256;

    /// <summary>The prefix AWS reserves for its own tags; it rejects user tags that start with it.</summary>
    public const string AwsReservedPrefix = "aws:";

    /// <summary>The CEL rule that keeps user keys out of the reserved prefixes (self is the tags map).</summary>
    public const string ReservedPrefixRule =
        "self.all(k, !k.startsWith('" + WellKnown.Prefix + "') && !k.startsWith('" + AwsReservedPrefix + "'))";

    /// <summary>The CEL rule for key length; OpenAPI cannot bound map keys.</summary>
    public const string KeyLengthRule = "self.all(k, size(k) >= 1 && size(k) <= 128)";
}
