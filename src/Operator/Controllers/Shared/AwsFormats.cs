using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EcsOperator.Controllers.Shared;

/// <summary>
/// The formats AWS documents for names and ARNs that the CRD schema cannot state fully (it checks lengths; a pattern
/// would make kubectl's message unreadable, and a name may default to metadata.name). Checked before any AWS call,
/// so that a bad name is Stalled/InvalidSpec naming its field instead of an AWS error after a round trip.
/// </summary>
public static partial class AwsFormats
{
    /// <summary>ECS cluster, service, family and container names: 1 to 255 letters, digits, hyphens and underscores.</summary>
    public const int MaxEcsNameLength = 255;

    public static IEnumerable<FieldError> EcsName(string field, string? value, string? defaultedFrom = null)
    {
        if (value is null)
        {
            yield break;
        }

        if (!EcsNamePattern().IsMatch(value))
        {
            var source = defaultedFrom is null ? string.Empty : $" (it defaults to {defaultedFrom})";
            yield return new FieldError(field, $"{Quote(value)} is not a valid ECS name{source}: use 1 to {MaxEcsNameLength} letters, digits, hyphens and underscores");
        }
    }

    /// <summary>An ARN of <paramref name="service"/> whose resource starts with <paramref name="resourcePrefix"/>.</summary>
    public static IEnumerable<FieldError> Arn(string field, string? value, string service, string resourcePrefix)
    {
        if (value is not null && !IsArn(value, service, resourcePrefix))
        {
            yield return new FieldError(field, $"{Quote(value)} is not a valid {service} ARN: expected arn:<partition>:{service}:<region>:<12-digit account>:{resourcePrefix}...");
        }
    }

    /// <summary>An IAM role: its ARN, or (as ECS also accepts for the task role) its name.</summary>
    public static IEnumerable<FieldError> RoleArnOrName(string field, string? value)
    {
        if (value is null)
        {
            yield break;
        }

        var valid = value.StartsWith("arn:", StringComparison.Ordinal) ? IsArn(value, "iam", "role/") : RoleNamePattern().IsMatch(value);
        if (!valid)
        {
            yield return new FieldError(field, $"{Quote(value)} is neither an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>) nor a role name");
        }
    }

    /// <summary>A name (checked by <paramref name="isName"/>) or an ECS ARN whose resource starts with <paramref name="resourcePrefix"/>.</summary>
    public static IEnumerable<FieldError> NameOrArn(string field, string? value, string resourcePrefix, Func<string, bool> isName)
    {
        ArgumentNullException.ThrowIfNull(isName);
        if (value is null)
        {
            yield break;
        }

        var valid = value.StartsWith("arn:", StringComparison.Ordinal) ? IsArn(value, "ecs", resourcePrefix) : isName(value);
        if (!valid)
        {
            yield return new FieldError(field, $"{Quote(value)} is neither a name nor an ECS ARN (arn:aws:ecs:<region>:<12-digit account>:{resourcePrefix}...)");
        }
    }

    public static bool IsEcsName(string value) => EcsNamePattern().IsMatch(value);

    /// <summary>A family, or family:revision.</summary>
    public static bool IsFamilyRevision(string value) => FamilyRevisionPattern().IsMatch(value);

    /// <summary>Text with no control characters (a tag, an image reference): AWS refuses them, and logs would mangle them.</summary>
    public static bool HasControlCharacters(string value) => value.Any(char.IsControl);

    /// <summary>The value as a message quotes it: control characters escaped, long values cut, so the condition stays readable.</summary>
    public static string Quote(string value)
    {
        var shown = value.Length > 80 ? value[..80] + "..." : value;
        var quoted = new StringBuilder(shown.Length);
        foreach (var c in shown)
        {
            var invisible = char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
            quoted.Append(invisible ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return quoted.ToString();
    }

    private static bool IsArn(string value, string service, string resourcePrefix) =>
        ArnPattern().Match(value) is { Success: true } match
        && match.Groups["service"].Value == service
        && match.Groups["resource"].Value.StartsWith(resourcePrefix, StringComparison.Ordinal)
        && match.Groups["resource"].Value.Length > resourcePrefix.Length;

    [GeneratedRegex("^[A-Za-z0-9_-]{1,255}$")]
    private static partial Regex EcsNamePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,255}(:[1-9][0-9]{0,8})?$")]
    private static partial Regex FamilyRevisionPattern();

    [GeneratedRegex("^[A-Za-z0-9_+=,.@-]{1,64}$")]
    private static partial Regex RoleNamePattern();

    [GeneratedRegex(@"^arn:aws(-[a-z]+)*:(?<service>[a-z0-9-]+):([a-z]{2}(-[a-z]+)+-[0-9])?:[0-9]{12}:(?<resource>[\x21-\x7e]+)$")]
    private static partial Regex ArnPattern();
}
