using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace EcsOperator.Aws.Core;

/// <summary>
/// The pipeline's endpoint step: maps the client config to endpoint-rule parameters (Region, UseFIPS, UseDualStack,
/// Endpoint) the way generated SDK clients do, and lets Core resolve and apply the endpoint (and its auth scheme).
/// </summary>
internal sealed class AwsEndpointResolver : BaseEndpointResolver
{
    public static EndpointParameters Parameters(IClientConfig config)
    {
        var parameters = new EndpointParameters
        {
            ["Region"] = config.RegionEndpoint?.SystemName ?? config.AuthenticationRegion,
            ["UseFIPS"] = config.UseFIPSEndpoint,
            ["UseDualStack"] = config.UseDualstackEndpoint,
            ["Endpoint"] = config.ServiceURL,
        };
        return parameters;
    }

    protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext) =>
        Parameters(requestContext.ClientConfig);
}

/// <summary>The pipeline's auth step: every operation here is SigV4 (the models' only auth trait).</summary>
internal sealed class SigV4AuthResolver : BaseAuthResolverHandler
{
    protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext) =>
        Amazon.Runtime.Credentials.Internal.AuthSchemeOption.DEFAULT_SIGV4;
}
