using Microsoft.Extensions.Logging;

namespace LocalKube.Server;

/// <summary>LocalKube's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "LocalKube serving on {BaseUri}, kubeconfig {KubeconfigPath}")]
    public static partial void Serving(ILogger logger, Uri baseUri, string kubeconfigPath);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "{Method} {Path} failed unexpectedly")]
    public static partial void RequestFailed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "{Method} {Path} answered {Code}")]
    public static partial void Answered(ILogger logger, string method, string path, int code);
}
