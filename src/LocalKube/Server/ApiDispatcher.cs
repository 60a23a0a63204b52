using LocalKube.Audit;
using LocalKube.Discovery;
using LocalKube.Extensibility;
using LocalKube.Faults;
using LocalKube.Registry;
using LocalKube.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LocalKube.Server;

/// <summary>
/// The single request entry point: fault admin, health, extension handlers (OpenAPI), discovery, then resources.
/// Every <see cref="ApiException"/> becomes a Status answer.
/// </summary>
public sealed class ApiDispatcher(
    ResourceTypeRegistry registry,
    ResourceEndpoints resources,
    LocalKubeServer.ServerParts parts,
    IReadOnlyList<IRequestHandler> handlers,
    Func<string> serverAddress,
    ILogger logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        try
        {
            if (path.StartsWith(FaultEndpoints.Prefix, StringComparison.Ordinal))
            {
                await FaultEndpoints.HandleAsync(context, parts.Faults);
                return;
            }

            Record(context, path);

            if (parts.Faults.Latency > TimeSpan.Zero)
            {
                await Task.Delay(parts.Faults.Latency, context.RequestAborted);
            }

            foreach (var handler in handlers)
            {
                if (await handler.TryHandleAsync(context))
                {
                    return;
                }
            }

            await RouteAsync(context, path);
        }
        catch (ApiException e) when (!context.Response.HasStarted)
        {
            await ResponseWriter.WriteStatusAsync(context, e);
        }
        catch (InsufficientExecutionStackException) when (!context.Response.HasStarted)
        {
            // A body within the depth limit that a recursive step still could not walk: the client's input, not a bug.
            await ResponseWriter.WriteStatusAsync(context, Statuses.BadRequest($"the object is nested too deeply to process ({JsonLimits.DepthExceeded})"));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
        catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
        {
            // A bug, not a client error: answer like kube-apiserver (500 InternalError Status) and log it.
            Log.RequestFailed(logger, e, context.Request.Method, path);
            await ResponseWriter.WriteStatusAsync(context, new ApiException(Statuses.InternalError(e.Message)));
        }

        Log.Answered(logger, context.Request.Method, path, context.Response.StatusCode);
    }

    private void Record(HttpContext context, string path)
    {
        var request = context.Request;
        var authorization = request.Headers.Authorization.ToString();
        var token = authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
        var watch = request.Query["watch"].ToString() is "true" or "1" or "True";
        parts.Requests.Add(ApiRequest.Parse(request.Method, path, watch, parts.Access.Authenticate(token)?.Name, request.Headers.UserAgent.ToString()));
    }

    private async Task RouteAsync(HttpContext context, string path)
    {
        var accept = context.Request.Headers.Accept.ToString();
        switch (path.TrimEnd('/'))
        {
            case "/healthz" or "/livez" or "/readyz":
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("ok");
                return;
            case "/version":
                await ResponseWriter.WriteAsync(context, 200, DiscoveryDocuments.Version());
                return;
            case "/api":
                await DiscoveryAsync(context, accept, core: true);
                return;
            case "/apis":
                await DiscoveryAsync(context, accept, core: false);
                return;
        }

        var split = ApiPath.SplitGroupVersion(path);
        if (split is null)
        {
            if (path.StartsWith("/apis/", StringComparison.Ordinal) && path.Trim('/').Split('/').Length == 2
                && DiscoveryDocuments.Group(registry, path.Trim('/').Split('/')[1]) is { } group)
            {
                await ResponseWriter.WriteAsync(context, 200, group);
                return;
            }

            throw Statuses.NotFoundPath(path);
        }

        var (groupName, version, rest) = split.Value;
        if (rest.Length == 0)
        {
            var list = DiscoveryDocuments.ResourceList(registry, groupName, version) ?? throw Statuses.NotFoundPath(path);
            await ResponseWriter.WriteAsync(context, 200, list);
            return;
        }

        await resources.HandleAsync(context, ApiPath.Parse(registry, groupName, version, rest, path));
    }

    private async Task DiscoveryAsync(HttpContext context, string accept, bool core)
    {
        if (AggregatedDiscovery.RequestedVersion(accept) is { } aggregated)
        {
            var contentType = aggregated == "v2" ? AggregatedDiscovery.ContentTypeV2 : AggregatedDiscovery.ContentTypeV2Beta1;
            await ResponseWriter.WriteAsync(context, 200, AggregatedDiscovery.Build(registry, core, aggregated), contentType);
            return;
        }

        await ResponseWriter.WriteAsync(context, 200, core ? DiscoveryDocuments.CoreVersions(serverAddress()) : DiscoveryDocuments.GroupList(registry));
    }
}
