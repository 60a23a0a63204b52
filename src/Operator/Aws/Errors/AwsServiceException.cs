using System.Net;
using Amazon.Runtime;

namespace EcsOperator.Aws;

/// <summary>
/// The base of every typed AWS error here. It is an AmazonServiceException, so AWSSDK.Core's retry policy classifies
/// it (throttling codes, 5xx), and it keeps the error code, the message and the request id.
/// </summary>
public class AwsServiceException : AmazonServiceException
{
    public AwsServiceException(string? message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }

    /// <summary>How callers should react to this error.</summary>
    public AwsErrorClass Classification => AwsErrors.Classify(ErrorCode, StatusCode);
}

/// <summary>The request was throttled (ThrottlingException, Throttling, TooManyRequestsException, RequestLimitExceeded...).</summary>
public class ThrottlingException(string? message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
    : AwsServiceException(message, innerException, errorType, errorCode, requestId, statusCode);

/// <summary>The caller's credentials are not allowed to do this (AccessDenied, AccessDeniedException, UnauthorizedOperation...).</summary>
public class AccessDeniedException(string? message, Exception? innerException, ErrorType errorType, string? errorCode, string? requestId, HttpStatusCode statusCode)
    : AwsServiceException(message, innerException, errorType, errorCode, requestId, statusCode);

/// <summary>
/// A response that could not be read as the operation's response shape: not JSON/XML, the wrong root element, a
/// number that isn't one. It names the service, the operation and what was wrong, instead of a NullReferenceException later.
/// </summary>
public class AwsMalformedResponseException(string message, Exception? innerException, string? requestId, HttpStatusCode statusCode)
    : AwsServiceException(message, innerException, ErrorType.Unknown, "MalformedResponse", requestId, statusCode);
