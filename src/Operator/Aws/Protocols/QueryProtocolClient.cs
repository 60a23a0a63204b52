using System.Net;
using System.Xml;
using System.Xml.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Amazon.Util;
using EcsOperator.Aws.Core;

namespace EcsOperator.Aws.Protocols;

/// <summary>
/// awsQuery (ELBv2, IAM): Action and Version plus the form-encoded request in a POST body; the response is
/// &lt;OpResponse&gt;&lt;OpResult&gt;...&lt;/OpResult&gt;&lt;ResponseMetadata/&gt;&lt;/OpResponse&gt;. Errors are parsed by Core's
/// XmlErrorResponseUnmarshaller (ErrorResponse/Error/Code).
/// </summary>
public sealed class QueryProtocolClient : AwsProtocolClient
{
    private readonly AwsErrorFactory _errors;

    public QueryProtocolClient(AWSCredentials? credentials, AwsServiceConfig config, AwsErrorFactory errors)
        : base(credentials, config)
    {
        _errors = errors;
    }

    public Task<TResponse> InvokeAsync<TRequest, TResponse>(
        AwsOperation operation,
        TRequest request,
        Action<QueryWriter, TRequest> write,
        Func<XElement?, TResponse> read,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(write);
        return SendAsync<TResponse>(
            operation,
            r =>
            {
                r.Parameters["Action"] = operation.Name;
                r.Parameters["Version"] = ServiceConfig.Descriptor.ApiVersion;
                write(new QueryWriter(r.Parameters), request);
                r.ContentStream = AWSSDKUtils.WriteParametersToPooledStream(r);
            },
            new XmlResultUnmarshaller<TResponse>(ServiceConfig.Descriptor.ServiceId, operation.Name, read, _errors),
            cancellationToken);
    }
}

/// <summary>Finds &lt;OpResult&gt; (matched by local name, any namespace) and hands it to the generated reader.</summary>
internal sealed class XmlResultUnmarshaller<T>(string service, string operation, Func<XElement?, T> read, AwsErrorFactory errors)
    : XmlResponseUnmarshaller
{
    private static readonly XmlReaderSettings Safe = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    public override AmazonWebServiceResponse Unmarshall(XmlUnmarshallerContext input)
    {
        var status = input.ResponseData.StatusCode;
        try
        {
            using var reader = XmlReader.Create(input.Stream, Safe);
            var root = XDocument.Load(reader).Root;
            if (root is null || root.Name.LocalName != operation + "Response")
            {
                throw new FormatException($"the root element is <{root?.Name.LocalName}>, not <{operation}Response>");
            }

            var requestId = QueryXml.Child(root, "ResponseMetadata") is { } meta ? QueryXml.String(meta, "RequestId") : null;
            return new AwsOperationResponse
            {
                Result = read(QueryXml.Child(root, operation + "Result")),
                ResponseMetadata = new ResponseMetadata { RequestId = requestId },
            };
        }
        catch (Exception ex) when (ex is XmlException or FormatException or OverflowException)
        {
            throw new AwsMalformedResponseException($"{service} {operation} returned an unreadable response: {ex.Message}", ex, null, status);
        }
    }

    public override AmazonServiceException UnmarshallException(XmlUnmarshallerContext input, Exception innerException, HttpStatusCode statusCode)
    {
        ErrorResponse error;
        try
        {
            error = XmlErrorResponseUnmarshaller.GetInstance().Unmarshall(input);
        }
        catch (XmlException)
        {
            error = new ErrorResponse { Message = $"{service} {operation} failed with HTTP {(int)statusCode} and a body that is not XML" };
        }

        return errors(error, innerException, statusCode);
    }
}
