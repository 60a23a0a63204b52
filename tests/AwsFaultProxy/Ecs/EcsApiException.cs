namespace AwsFaultProxy.Ecs;

/// <summary>An ECS error the front answers with: the awsJson <c>__type</c>, ECS's message and the HTTP status.</summary>
internal sealed class EcsApiException(string code, string message, int status = 400) : Exception(message)
{
    public string Code { get; } = code;

    public int Status { get; } = status;

    public static EcsApiException InvalidParameter(string message) => new("InvalidParameterException", message);

    public static EcsApiException ClusterNotFound() => new("ClusterNotFoundException", "Cluster not found.");

    public static EcsApiException ServiceNotFound() => new("ServiceNotFoundException", "Service not found.");

    public static EcsApiException ServiceNotActive() => new("ServiceNotActiveException", "Service was not ACTIVE.");

    public static EcsApiException Upstream(string what, int status) =>
        new("ServerException", $"The ECS front could not read {what} from the upstream (HTTP {status}).", 500);
}
