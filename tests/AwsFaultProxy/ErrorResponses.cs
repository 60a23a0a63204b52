using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AwsFaultProxy;

/// <summary>
/// Writes AWS error responses in the shape each protocol's SDK parser expects:
/// awsJson <c>{"__type": code, "message"}</c>; awsQuery <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;…</c>;
/// restJson the <c>x-amzn-ErrorType</c> header plus a JSON body. All carry <c>x-amzn-RequestId</c>.
/// </summary>
public static class ErrorResponses
{
    public const string ThrottleMessage = "Rate exceeded";

    /// <summary>The throttling error: awsJson 400 ThrottlingException, awsQuery 400 Throttling, restJson 429 ThrottlingException.</summary>
    public static (int Status, string Code) Throttling(AwsProtocol protocol) => protocol switch
    {
        AwsProtocol.AwsJson => (400, "ThrottlingException"),
        AwsProtocol.AwsQuery => (400, "Throttling"),
        _ => (429, "ThrottlingException"),
    };

    /// <summary>A 5xx error: InternalFailure for 500, ServiceUnavailable for 503 (…Exception under JSON protocols).</summary>
    public static string ServerErrorCode(AwsProtocol protocol, int status) => (protocol, status) switch
    {
        (AwsProtocol.AwsQuery, 503) => "ServiceUnavailable",
        (_, 503) => "ServiceUnavailableException",
        (AwsProtocol.AwsJson, _) => "ServerException",
        _ => "InternalFailure",
    };

    public static Task WriteAsync(HttpResponse response, AwsOperation operation, int status, string code, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(operation);
        var requestId = Guid.NewGuid().ToString();
        response.StatusCode = status;
        response.Headers["x-amzn-RequestId"] = requestId;
        string body;
        switch (operation.Protocol)
        {
            case AwsProtocol.AwsJson:
                response.ContentType = "application/x-amz-json-1.1";
                body = JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = code, ["message"] = message });
                break;
            case AwsProtocol.AwsQuery:
                response.ContentType = "text/xml";
                body = QueryXml(operation, status, code, message, requestId);
                break;
            default:
                response.ContentType = "application/json";
                response.Headers["x-amzn-ErrorType"] = code;
                body = JsonSerializer.Serialize(new Dictionary<string, string> { ["ErrorCode"] = code, ["message"] = message });
                break;
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentLength = bytes.Length;
        return response.Body.WriteAsync(bytes, cancellationToken).AsTask();
    }

    private static string QueryXml(AwsOperation operation, int status, string code, string message, string requestId)
    {
        var ns = operation.ApiVersion is null ? string.Empty : string.Create(
            CultureInfo.InvariantCulture,
            $" xmlns=\"https://{operation.Service}.amazonaws.com/doc/{operation.ApiVersion}/\"");
        var type = status >= 500 ? "Receiver" : "Sender";
        return $"<ErrorResponse{ns}><Error><Type>{type}</Type><Code>{SecurityElement.Escape(code)}</Code>"
            + $"<Message>{SecurityElement.Escape(message)}</Message></Error><RequestId>{requestId}</RequestId></ErrorResponse>";
    }
}
