using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace EcsOperator.Aws.Core;

/// <summary>
/// Stops Core's retry loop from repeating a create that has no idempotency token once the connection failed after the
/// request was sent: AWS may have applied it. A second RegisterTaskDefinition registers a second revision; a second
/// CreateRule meets PriorityInUse. The failure surfaces as <see cref="AwsAmbiguousResultException"/>, and the next
/// reconcile looks the resource up by its ownership tags before it creates anything (the crash-after-create path).
/// Throttling and 5xx answers are not ambiguous (AWS refused the call) and keep their retries.
/// </summary>
internal sealed class AmbiguousResultGuard : PipelineHandler
{
    /// <summary>Creates that AWS applies twice when sent twice (CreateService carries a clientToken; target groups and clusters are idempotent by name).</summary>
    private static readonly HashSet<string> NotIdempotent = new(StringComparer.Ordinal) { "RegisterTaskDefinition", "CreateRule" };

    public override void InvokeSync(IExecutionContext executionContext) =>
        throw new NotSupportedException("The ecs-operator AWS clients are async only.");

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        var operation = ((AwsOperationRequest)executionContext.RequestContext.OriginalRequest).Operation;
        try
        {
            return await base.InvokeAsync<T>(executionContext);
        }
        catch (Exception e) when (NotIdempotent.Contains(operation.Name) && IsConnectionFailure(e) && !executionContext.RequestContext.CancellationToken.IsCancellationRequested)
        {
            // No inner exception: Core's retry policy looks for IOException and HttpRequestException among the inner ones.
            throw new AwsAmbiguousResultException($"{operation.Name}: the connection failed after the request was sent ({e.GetType().Name}: {e.Message}); AWS may have applied it, so it is not retried blindly");
        }
    }

    private static bool IsConnectionFailure(Exception e) =>
        e is HttpRequestException or IOException or SocketException or TaskCanceledException or TimeoutException
        || (e.InnerException is { } inner && IsConnectionFailure(inner));
}

/// <summary>A non-idempotent call whose outcome is unknown: the caller must look before it creates again.</summary>
public sealed class AwsAmbiguousResultException(string message) : AmazonClientException(message);
