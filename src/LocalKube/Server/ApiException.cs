using System.Text.Json.Nodes;

namespace LocalKube.Server;

/// <summary>An error that the server answers with a Kubernetes <c>Status</c> object and its HTTP code.</summary>
public sealed class ApiException : Exception
{
    public ApiException()
        : this(Statuses.InternalError("unknown error"))
    {
    }

    public ApiException(string message)
        : this(Statuses.InternalError(message))
    {
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = Statuses.InternalError(message);
    }

    public ApiException(JsonObject status)
        : base(Server.Statuses.Message(status))
    {
        Status = status;
    }

    /// <summary>The meta/v1 Status body.</summary>
    public JsonObject Status { get; }

    public int Code => Status["code"]?.GetValue<int>() ?? 500;
}
