using System.Text.Json.Serialization.Metadata;
using Amazon.Runtime;
using EcsOperator.Aws.Core;

namespace EcsOperator.Aws.Protocols;

/// <summary>
/// restJson1 (EFS): method and path from the model's http trait, uri labels through Core's path resources, query
/// members as a query string (Core encodes them; a '?' written into ResourcePath would be encoded, so it never is).
/// </summary>
public sealed class RestJsonProtocolClient : AwsProtocolClient
{
    private readonly AwsErrorFactory _errors;

    public RestJsonProtocolClient(AWSCredentials? credentials, AwsServiceConfig config, AwsErrorFactory errors)
        : base(credentials, config)
    {
        _errors = errors;
    }

    public Task<TResponse> InvokeAsync<TResponse>(
        AwsOperation operation,
        RestRequestParts parts,
        JsonTypeInfo<TResponse> responseType,
        CancellationToken cancellationToken)
        where TResponse : new()
    {
        ArgumentNullException.ThrowIfNull(parts);
        return SendAsync<TResponse>(
            operation,
            r =>
            {
                r.HttpMethod = parts.Method;
                r.ResourcePath = parts.PathTemplate;
                foreach (var (label, value) in parts.Labels)
                {
                    r.AddPathResource("{" + label + "}", value);
                }

                foreach (var (name, value) in parts.Query)
                {
                    r.Parameters[name] = value;
                }

                r.UseQueryString = true;
            },
            new JsonBodyUnmarshaller<TResponse>(ServiceConfig.Descriptor.ServiceId, operation.Name, responseType, _errors),
            cancellationToken);
    }
}
