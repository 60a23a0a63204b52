using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using EcsOperator.Aws.Core;

namespace EcsOperator.Aws;

/// <summary>Classifies AWS errors by code and status, and builds the shared (cross-service) typed exceptions.</summary>
public static class AwsErrors
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "RequestThrottled",
        "TooManyRequestsException", "RequestLimitExceeded", "SlowDown", "PriorityRequestLimitExceeded",
    };

    private static readonly HashSet<string> AccessDeniedCodes = new(StringComparer.Ordinal)
    {
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnrecognizedClientException",
        "InvalidClientTokenId", "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken",
        "ExpiredToken", "ExpiredTokenException", "AuthFailure", "OperationNotPermittedException", "InvalidSignatureException",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "ServerException", "InternalFailure", "InternalError", "InternalServerError", "ServiceUnavailable",
        "ServiceUnavailableException", "ServiceFailure", "ServiceFailureException", "RequestTimeout", "RequestTimeoutException",
        "MalformedResponse",
    };

    /// <summary>The classification of an error code (and HTTP status when the code says nothing).</summary>
    public static AwsErrorClass Classify(string? code, HttpStatusCode status)
    {
        code ??= string.Empty;
        if (ThrottlingCodes.Contains(code) || status == HttpStatusCode.TooManyRequests)
        {
            return AwsErrorClass.Throttled;
        }

        if (AccessDeniedCodes.Contains(code))
        {
            return AwsErrorClass.AccessDenied;
        }

        if (TransientCodes.Contains(code) || (int)status >= 500)
        {
            return AwsErrorClass.Transient;
        }

        if (code.Contains("NotFound", StringComparison.Ordinal) || code.StartsWith("NoSuchEntity", StringComparison.Ordinal)
            || code == "ServiceNotActiveException")
        {
            return AwsErrorClass.NotFound;
        }

        if (code.Contains("InUse", StringComparison.Ordinal) || code.Contains("Duplicate", StringComparison.Ordinal)
            || code.Contains("AlreadyExists", StringComparison.Ordinal) || code.Contains("Conflict", StringComparison.Ordinal)
            || code.StartsWith("ClusterContains", StringComparison.Ordinal) || code.Contains("ConcurrentModification", StringComparison.Ordinal)
            || code == "UpdateInProgressException")
        {
            return AwsErrorClass.Conflict;
        }

        if (code.StartsWith("Invalid", StringComparison.Ordinal) || code.StartsWith("Validation", StringComparison.Ordinal)
            || code.StartsWith("Malformed", StringComparison.Ordinal) || code.StartsWith("TooMany", StringComparison.Ordinal)
            || code.Contains("LimitExceeded", StringComparison.Ordinal) || code.StartsWith("Unsupported", StringComparison.Ordinal)
            || code is "ClientException" or "BadRequest" or "PlatformUnknownException" or "PlatformTaskDefinitionIncompatibilityException"
                or "UnmodifiableEntity" or "IncompatibleProtocols")
        {
            return AwsErrorClass.Invalid;
        }

        return status == HttpStatusCode.NotFound ? AwsErrorClass.NotFound : AwsErrorClass.Unknown;
    }

    /// <summary>The classification of any exception a client call can throw (network failures are Transient).</summary>
    public static AwsErrorClass Classify(Exception exception) => exception switch
    {
        AwsServiceException aws => aws.Classification,
        AwsAmbiguousResultException => AwsErrorClass.Transient,
        AmazonUnmarshallingException => AwsErrorClass.Transient,
        AmazonServiceException service => Classify(service.ErrorCode, service.StatusCode),
        HttpRequestException or IOException or TimeoutException => AwsErrorClass.Transient,
        OperationCanceledException => AwsErrorClass.Transient,
        _ => AwsErrorClass.Unknown,
    };

    /// <summary>The shared typed exceptions (throttling, access denied), or null when the code is service specific.</summary>
    internal static AwsServiceException? Shared(ErrorResponse error, Exception? inner, HttpStatusCode status) =>
        Classify(error.Code, status) switch
        {
            AwsErrorClass.Throttled => new ThrottlingException(error.Message, inner, error.Type, error.Code ?? "Throttling", error.RequestId, status),
            AwsErrorClass.AccessDenied => new AccessDeniedException(error.Message, inner, error.Type, error.Code, error.RequestId, status),
            _ => null,
        };
}
