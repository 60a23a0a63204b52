using EcsOperator.Runtime.Client;
using k8s.Autorest;
using k8s.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Runtime.Metrics;

/// <summary>
/// Who may read /metrics, decided as controller-runtime's WithAuthenticationAndAuthorization filter decides it: the
/// bearer token is checked with a TokenReview (401 when missing or not authenticated), then its user with a
/// SubjectAccessReview for <c>get</c> on the non-resource URL (403 unless a role such as ecs-operator-metrics-reader
/// grants it). Delegating to the API server means the operator holds no credentials of its own to check.
/// </summary>
public sealed class MetricsAccess(IKubeClient client, ILogger<MetricsAccess> logger)
{
    /// <summary>Null when the request may proceed; otherwise the status code and message to answer with.</summary>
    public async Task<(int Code, string Message)?> CheckAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header[7..].Trim() is not { Length: > 0 } token)
        {
            return (StatusCodes.Status401Unauthorized, "Unauthorized: a bearer token is required");
        }

        try
        {
            var identity = await client.ReviewTokenAsync(token, context.RequestAborted);
            if (identity.Authenticated != true || identity.User is null)
            {
                return (StatusCodes.Status401Unauthorized, "Unauthorized: the token was not accepted by the API server");
            }

            var access = await client.ReviewAccessAsync(Question(identity.User, context.Request.Path.Value ?? "/"), context.RequestAborted);
            if (access.Allowed)
            {
                return null;
            }

            Log.MetricsAccessDenied(logger, identity.User.Username, access.Reason ?? string.Empty);
            return (StatusCodes.Status403Forbidden, $"Forbidden: user \"{identity.User.Username}\" cannot get path \"{context.Request.Path}\"");
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException)
        {
            Log.MetricsAccessFailed(logger, e);
            return (StatusCodes.Status500InternalServerError, "Authorization error: the API server did not answer the review");
        }
    }

    private static V1SubjectAccessReviewSpec Question(V1UserInfo user, string path) => new()
    {
        User = user.Username,
        Groups = user.Groups,
        Uid = user.Uid,
        Extra = user.Extra,
        NonResourceAttributes = new V1NonResourceAttributes { Path = path, Verb = "get" },
    };
}
