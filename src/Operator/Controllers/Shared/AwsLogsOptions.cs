using System.Text.RegularExpressions;

namespace EcsOperator.Controllers.Shared;

/// <summary>
/// The awslogs driver's options that name CloudWatch Logs resources, in CloudWatch's own formats. Other log options
/// are the driver's business (a Splunk token, a Fluentd tag) and reach AWS as written.
/// </summary>
public static partial class AwsLogsOptions
{
    public const string Group = "awslogs-group";
    public const string Region = "awslogs-region";
    public const string StreamPrefix = "awslogs-stream-prefix";

    public static IEnumerable<FieldError> Check(IDictionary<string, string>? options, string path)
    {
        if (options is null)
        {
            yield break;
        }

        if (options.TryGetValue(Group, out var group) && !LogGroupName().IsMatch(group))
        {
            yield return new FieldError($"{path}[{Group}]", $"{AwsFormats.Quote(group)} is not a CloudWatch log group name: use 1 to 512 letters, digits and . - _ / #");
        }

        if (options.TryGetValue(Region, out var region) && !RegionName().IsMatch(region))
        {
            yield return new FieldError($"{path}[{Region}]", $"{AwsFormats.Quote(region)} is not an AWS region, for example us-east-1");
        }

        // A stream name is <prefix>/<container>/<task id>: CloudWatch refuses ':' and '*' in it, and 512 characters in all.
        if (options.TryGetValue(StreamPrefix, out var prefix)
            && (prefix.Length is 0 or > 400 || prefix.IndexOfAny([':', '*']) >= 0 || SpecText.HasInvisibleCharacters(prefix)))
        {
            yield return new FieldError($"{path}[{StreamPrefix}]", $"{AwsFormats.Quote(prefix)} cannot start a CloudWatch log stream name: use 1 to 400 characters, no ':' or '*' and no control characters");
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9._/#-]{1,512}$")]
    private static partial Regex LogGroupName();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]$")]
    private static partial Regex RegionName();
}
