using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace EcsOperator.Aws.Core;

/// <summary>Builds the typed exception of one service from Core's parsed error response.</summary>
public delegate AmazonServiceException AwsErrorFactory(ErrorResponse error, Exception? inner, HttpStatusCode status);

/// <summary>
/// The AmazonServiceClient all protocol clients share. Core supplies the credential chain, SigV4 signing, retries,
/// clock-skew correction and HTTP; this class only customises the pipeline the way generated clients do:
/// the endpoint step (our endpoint rules), the auth step (SigV4), a per-attempt budget/metrics step, and the retry knobs.
/// <para>
/// These pipeline types live in Amazon.Runtime.Internal: AWSSDK.Core is pinned (Directory.Packages.props) and the moto
/// integration tests are the contract that this still works after an upgrade.
/// </para>
/// </summary>
public abstract class AwsProtocolClient : AmazonServiceClient
{
    private IServiceMetadata? _metadata;

    protected AwsProtocolClient(AWSCredentials? credentials, AwsServiceConfig config)
        : base(credentials, config)
    {
    }

    protected AwsServiceConfig ServiceConfig => (AwsServiceConfig)Config;

    protected override IServiceMetadata ServiceMetadata => _metadata ??= new Metadata(ServiceConfig.Descriptor.ServiceId);

    /// <summary>Sends one operation through Core's pipeline and returns the unmarshalled DTO.</summary>
    protected async Task<TResponse> SendAsync<TResponse>(
        AwsOperation operation,
        Action<IRequest> fill,
        ResponseUnmarshaller unmarshaller,
        CancellationToken cancellationToken)
    {
        var options = new InvokeOptions
        {
            RequestMarshaller = new AwsOperationMarshaller(ServiceConfig.Descriptor.ServiceId),
            ResponseUnmarshaller = unmarshaller,
        };
        var response = await InvokeAsync<AwsOperationResponse>(new AwsOperationRequest(operation, fill), options, cancellationToken);
        return response.Result is TResponse typed
            ? typed
            : throw new AwsMalformedResponseException($"{ServiceConfig.Descriptor.ServiceId} {operation.Name} returned no {typeof(TResponse).Name}", null, response.ResponseMetadata?.RequestId, response.HttpStatusCode);
    }

    protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var config = ServiceConfig;
        if (config.Retry.MaxBackoff is { } maxBackoff && config.RetryMode == RequestRetryMode.Standard)
        {
            var policy = new StandardRetryPolicy(config) { MaxBackoffInMilliseconds = (int)maxBackoff.TotalMilliseconds };
            pipeline.ReplaceHandler<RetryHandler>(new RetryHandler(policy));
        }

        pipeline.RemoveHandler<EndpointResolver>();
        pipeline.AddHandlerAfter<Marshaller>(new AwsEndpointResolver());
        pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthResolver());
        pipeline.AddHandlerAfter<RetryHandler>(new AmbiguousResultGuard());
        if (config.Accounting is { } accounting)
        {
            pipeline.AddHandlerAfter<RetryHandler>(new CallAccountingHandler(accounting, config.Descriptor.ServiceId));
        }
    }

    private sealed class Metadata(string serviceId) : IServiceMetadata
    {
        public string ServiceId { get; } = serviceId;

        public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
    }
}
