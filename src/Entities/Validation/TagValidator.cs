namespace EcsOperator.Entities.Validation;

/// <summary>Checks a user tags map against <see cref="TagRules"/>.</summary>
public static class TagValidator
{
    public static IEnumerable<FieldError> Validate(IDictionary<string, string>? tags, string field)
    {
        if (tags is null)
        {
            yield break;
        }

        if (tags.Count > TagRules.MaxUserTags)
        {
            yield return new FieldError(field,
                $"at most {TagRules.MaxUserTags} tags: AWS allows {TagRules.AwsMaxTags} and the operator adds {TagRules.OwnershipTags}");
        }

        foreach (var (key, value) in tags.OrderBy(tag => tag.Key, StringComparer.Ordinal))
        {
            var path = $"{field}[{key}]";
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
        }
    }
}
