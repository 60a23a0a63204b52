using System.Text.Json.Nodes;
using LocalKube.Extensibility;
using LocalKube.Server;
using Microsoft.AspNetCore.Http;

namespace LocalKube.Access;

/// <summary>
/// The create-only review APIs that delegated auth uses (as kube-rbac-proxy and controller-runtime's
/// WithAuthenticationAndAuthorization filter do): POST /apis/authentication.k8s.io/v1/tokenreviews and
/// POST /apis/authorization.k8s.io/v1/subjectaccessreviews, answered from <see cref="LocalKubeAccess"/>.
/// </summary>
public sealed class ReviewEndpoints(LocalKubeAccess access) : IRequestHandler
{
    public const string TokenReviews = "/apis/authentication.k8s.io/v1/tokenreviews";
    public const string SubjectAccessReviews = "/apis/authorization.k8s.io/v1/subjectaccessreviews";

    public async Task<bool> TryHandleAsync(HttpContext context)
    {
        var path = (context.Request.Path.Value ?? string.Empty).TrimEnd('/');
        if (path is not (TokenReviews or SubjectAccessReviews))
        {
            return false;
        }

        if (!HttpMethods.IsPost(context.Request.Method))
        {
            throw Statuses.MethodNotAllowed(context.Request.Method);
        }

        var review = await ResourceEndpoints.ReadObjectAsync(context);
        review["status"] = path == TokenReviews ? TokenStatus(review) : AccessStatus(review);
        await ResponseWriter.WriteAsync(context, 201, review);
        return true;
    }

    private JsonObject TokenStatus(JsonObject review)
    {
        var token = review["spec"]?["token"]?.GetValue<string>();
        if (access.Authenticate(token) is not { } user)
        {
            return new JsonObject { ["authenticated"] = false, ["error"] = "invalid bearer token" };
        }

        return new JsonObject
        {
            ["authenticated"] = true,
            ["user"] = new JsonObject
            {
                ["username"] = user.Name,
                ["groups"] = new JsonArray([.. user.Groups.Select(g => JsonValue.Create(g))]),
            },
            ["audiences"] = review["spec"]?["audiences"]?.DeepClone() ?? new JsonArray(),
        };
    }

    private JsonObject AccessStatus(JsonObject review)
    {
        var spec = review["spec"] as JsonObject ?? throw Statuses.BadRequest("spec: Required value");
        var user = spec["user"]?.GetValue<string>() ?? throw Statuses.BadRequest("spec.user: Required value");
        var groups = (spec["groups"] as JsonArray)?.Select(g => g!.GetValue<string>()).ToList() ?? [];
        var resource = spec["resourceAttributes"] as JsonObject;
        var nonResource = spec["nonResourceAttributes"] as JsonObject;
        if ((resource is null) == (nonResource is null))
        {
            throw Statuses.BadRequest("spec: exactly one of resourceAttributes or nonResourceAttributes is required");
        }

        var question = new AccessQuestion(
            user,
            groups,
            Text(resource ?? nonResource!, "verb"),
            Text(resource, "group"),
            Text(resource, "resource"),
            resource?["subresource"]?.GetValue<string>(),
            resource?["namespace"]?.GetValue<string>(),
            resource?["name"]?.GetValue<string>(),
            nonResource?["path"]?.GetValue<string>());
        return access.Denial(question) is { } why
            ? new JsonObject { ["allowed"] = false, ["denied"] = true, ["reason"] = why }
            : new JsonObject { ["allowed"] = true, ["reason"] = "LocalKube allows every request no test denied" };
    }

    private static string Text(JsonObject? attributes, string name) => attributes?[name]?.GetValue<string>() ?? string.Empty;
}
