using System.Text.RegularExpressions;
using EcsOperator.Entities;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Controllers.Shared;

/// <summary>Checks a user tags map against <see cref="TagRules"/>.</summary>
public static partial class TagValidator
{
    /// <param name="tags">The user's tags.</param>
    /// <param name="field">The field path to blame, for example spec.tags.</param>
    /// <param name="operatorTags">How many tags the operator adds to the resource besides the user's.</param>
    public static IEnumerable<FieldError> Validate(IDictionary<string, string>? tags, string field, int operatorTags = TagRules.OwnershipTags)
    {
        if (tags is null)
        {
            yield break;
        }

        var maxUserTags = TagRules.AwsMaxTags - operatorTags;
        if (tags.Count > maxUserTags)
        {
            yield return new FieldError(field,
                $"at most {maxUserTags} tags: AWS allows {TagRules.AwsMaxTags} and the operator adds {operatorTags}");
        }

        foreach (var (key, value) in tags.OrderBy(tag => tag.Key, StringComparer.Ordinal))
        {
            var path = $"{field}[{AwsFormats.Quote(key)}]";
            if (key.StartsWith(WellKnown.Prefix, StringComparison.Ordinal))
            {
                yield return new FieldError(path, $"keys under {WellKnown.Prefix} are reserved for the operator");
            }

            // AWS reserves aws: in any letter case; the CRD's CEL rule can only check the lower-case form.
            if (key.StartsWith(TagRules.AwsReservedPrefix, StringComparison.OrdinalIgnoreCase))
            {
                yield return new FieldError(path, $"keys starting with {TagRules.AwsReservedPrefix} are reserved by AWS");
            }

            if (key.Length is 0 or > TagRules.MaxKeyLength)
            {
                yield return new FieldError(path, $"a tag key must be 1 to {TagRules.MaxKeyLength} characters");
            }

            if (value.Length > TagRules.MaxValueLength)
            {
                yield return new FieldError(path, $"a tag value must be at most {TagRules.MaxValueLength} characters");
            }

            if (!TagText().IsMatch(key) || !TagText().IsMatch(value))
            {
                yield return new FieldError(path, "AWS allows only letters, digits, spaces and _ . : / = + - @ in tag keys and values");
            }
        }
    }

    /// <summary>AWS's tag pattern (the same for ECS, ELB and IAM): no control characters, quotes or brackets.</summary>
    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex TagText();
}
