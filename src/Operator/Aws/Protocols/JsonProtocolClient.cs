using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using EcsOperator.Aws.Core;

namespace EcsOperator.Aws.Protocols;

/// <summary>
/// awsJson1_1 (ECS): POST / with X-Amz-Target: &lt;targetPrefix&gt;.&lt;Operation&gt; and the request DTO as JSON.
/// Errors are parsed by Core's JsonErrorResponseUnmarshaller (__type, code, x-amzn-ErrorType; XML bodies too).
/// </summary>
public sealed class JsonProtocolClient : AwsProtocolClient
{
    private readonly string _targetPrefix;
    private readonly AwsErrorFactory _errors;

    public JsonProtocolClient(AWSCredentials? credentials, AwsServiceConfig config, string targetPrefix, AwsErrorFactory errors)
        : base(credentials, config)
    {
        _targetPrefix = targetPrefix;
        _errors = errors;
    }

    public Task<TResponse> InvokeAsync<TRequest, TResponse>(
        AwsOperation operation,
        TRequest request,
        JsonTypeInfo<TRequest> requestType,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
        where TResponse : new()
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = JsonSerializer.SerializeToUtf8Bytes(request, requestType);
        return SendAsync<TResponse>(
            operation,
            r =>
            {
                r.Headers["X-Amz-Target"] = $"{_targetPrefix}.{operation.Name}";
                r.Headers["Content-Type"] = "application/x-amz-json-1.1";
                r.Content = body;
            },
            new JsonBodyUnmarshaller<TResponse>(ServiceConfig.Descriptor.ServiceId, operation.Name, responseType, _errors),
            cancellationToken);
    }
}

/// <summary>Reads a JSON response body into the operation's response DTO (shared by awsJson1_1 and restJson1).</summary>
internal sealed class JsonBodyUnmarshaller<T>(string service, string operation, JsonTypeInfo<T> type, AwsErrorFactory errors)
    : JsonResponseUnmarshaller
    where T : new()
{
    /// <summary>Core's base wraps every failure in AmazonUnmarshallingException; ours already says what went wrong.</summary>
    public override AmazonWebServiceResponse Unmarshall(UnmarshallerContext input) =>
        Unmarshall(input as JsonUnmarshallerContext ?? throw new InvalidOperationException("Unsupported UnmarshallerContext"));

    public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext input)
    {
        using var buffer = new MemoryStream();
        input.Stream.CopyTo(buffer);
        var requestId = input.ResponseData.GetHeaderValue("x-amzn-RequestId");
        try
        {
            var result = buffer.Length == 0 ? new T() : JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), type);
            return new AwsOperationResponse
            {
                Result = result ?? throw new JsonException("the body is JSON null"),
                ResponseMetadata = new ResponseMetadata { RequestId = requestId },
            };
        }
        catch (JsonException ex)
        {
            throw new AwsMalformedResponseException(
                $"{service} {operation} returned a body that is not a valid {typeof(T).Name}: {ex.Message}",
                ex,
                requestId,
                input.ResponseData.StatusCode);
        }
    }

    public override AmazonServiceException UnmarshallException(JsonUnmarshallerContext input, Exception innerException, HttpStatusCode statusCode)
    {
        var reader = new StreamingUtf8JsonReader(input.Stream);
        var error = JsonErrorResponseUnmarshaller.GetInstance().Unmarshall(input, ref reader);
        error.Code ??= RestJsonErrorCode(input.ResponseBody);
        error.RequestId ??= input.ResponseData.GetHeaderValue("x-amzn-RequestId");
        return errors(error, innerException, statusCode);
    }

    /// <summary>restJson1 services such as EFS put the code in an ErrorCode member, which Core does not read.</summary>
    private static string? RestJsonErrorCode(string? body)
    {
        if (string.IsNullOrEmpty(body) || body.TrimStart().StartsWith('<'))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("ErrorCode", out var code)
                ? code.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
