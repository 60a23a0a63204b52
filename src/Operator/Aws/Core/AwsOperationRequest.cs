using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace EcsOperator.Aws.Core;

/// <summary>
/// Carries one typed DTO call through AWSSDK.Core's pipeline. The pipeline wants an AmazonWebServiceRequest; the
/// DTOs stay plain classes, and <see cref="Fill"/> writes the protocol's wire form into Core's request.
/// </summary>
internal sealed class AwsOperationRequest(AwsOperation operation, Action<IRequest> fill) : AmazonWebServiceRequest
{
    public AwsOperation Operation { get; } = operation;

    public Action<IRequest> Fill { get; } = fill;
}

/// <summary>The pipeline's response: the typed DTO the unmarshaller produced.</summary>
internal sealed class AwsOperationResponse : AmazonWebServiceResponse
{
    public object? Result { get; set; }
}

/// <summary>Turns an <see cref="AwsOperationRequest"/> into Core's request (the pipeline's Marshaller step).</summary>
internal sealed class AwsOperationMarshaller(string serviceId) : IMarshaller<IRequest, AmazonWebServiceRequest>
{
    public IRequest Marshall(AmazonWebServiceRequest input)
    {
        var operation = (AwsOperationRequest)input;
        var request = new DefaultRequest(input, serviceId) { HttpMethod = "POST", ResourcePath = "/" };
        operation.Fill(request);
        return request;
    }
}
