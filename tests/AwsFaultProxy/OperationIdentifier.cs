using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace AwsFaultProxy;

/// <summary>
/// Names the AWS service and operation of a request: from <c>X-Amz-Target</c> (awsJson), the form's or query's
/// <c>Action</c> (awsQuery), or the method and path (restJson, see <see cref="RestOperations"/>). The service
/// is the SigV4 credential scope's; unsigned requests fall back to the target prefix, the API version or the path.
/// </summary>
public static class OperationIdentifier
{
    private static readonly Dictionary<string, string> TargetPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AmazonEC2ContainerServiceV20141113"] = AwsServices.Ecs,
    };

    private static readonly Dictionary<string, string> QueryVersions = new(StringComparer.Ordinal)
    {
        ["2015-12-01"] = AwsServices.Elbv2,
        ["2010-05-08"] = AwsServices.Iam,
        ["2011-06-15"] = AwsServices.Sts,
    };

    public static AwsOperation Identify(HttpRequest request, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = CredentialScopeService(request.Headers.Authorization.ToString());
        var target = request.Headers["X-Amz-Target"].ToString();
        if (target.Length > 0)
        {
            var dot = target.LastIndexOf('.');
            var prefix = dot < 0 ? target : target[..dot];
            var service = scope ?? TargetPrefixes.GetValueOrDefault(prefix) ?? prefix.ToLowerInvariant();
            return new AwsOperation(service, target[(dot + 1)..], AwsProtocol.AwsJson);
        }

        var form = QueryForm(request, body);
        if (form.TryGetValue("Action", out var action) && action.Count > 0)
        {
            var version = form.TryGetValue("Version", out var v) ? v.ToString() : null;
            var service = scope ?? (version is null ? null : QueryVersions.GetValueOrDefault(version)) ?? "unknown";
            return new AwsOperation(service, action.ToString(), AwsProtocol.AwsQuery, version);
        }

        return RestOperations.Identify(request.Method, request.Path.Value ?? "/", scope);
    }

    /// <summary>The service of <c>Credential=AKID/20240101/us-east-1/ecs/aws4_request</c>, or null when unsigned.</summary>
    public static string? CredentialScopeService(string authorization)
    {
        const string marker = "Credential=";
        var start = authorization.IndexOf(marker, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var credential = authorization[(start + marker.Length)..].Split([',', ' '], 2)[0];
        var parts = credential.Split('/');
        return parts.Length >= 5 ? parts[3].ToLowerInvariant() : null;
    }

    private static Dictionary<string, Microsoft.Extensions.Primitives.StringValues> QueryForm(HttpRequest request, ReadOnlySpan<byte> body)
    {
        var isForm = request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        return isForm
            ? QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body))
            : QueryHelpers.ParseQuery(request.QueryString.Value);
    }
}
