using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;
using Amazon.Util.Internal;

namespace EcsOperator.Aws.Core;

/// <summary>
/// The ClientConfig of one service. AWSSDK.Core reads ServiceId (AWS_ENDPOINT_URL_&lt;SERVICE&gt;), the signing name and
/// the endpoint provider from here. The base constructor calls the abstract overrides before this class's fields are
/// assigned, so each override must tolerate a null descriptor.
/// </summary>
public abstract class AwsServiceConfig : ClientConfig
{
    private static readonly DefaultConfigurationProvider Defaults = new([StandardDefaults()]);

    private readonly AwsServiceDescriptor? _descriptor;

    protected AwsServiceConfig(AwsServiceDescriptor descriptor, IEndpointProvider endpointProvider)
        : base(Defaults)
    {
        _descriptor = descriptor;
        ServiceId = descriptor.ServiceId;
        AuthenticationServiceName = descriptor.SigningName;
        EndpointProvider = endpointProvider;
        if (InstanceUserAgent.AppId is { } appId)
        {
            ClientAppId = appId;
        }
    }

    public AwsServiceDescriptor Descriptor => _descriptor!;

    /// <summary>Budget and metrics for every attempt this client makes; set by the factory before the client is built.</summary>
    internal AwsCallAccounting? Accounting { get; set; }

    /// <summary>Overrides of Core's standard retry mode (null keeps Core's defaults).</summary>
    internal AwsRetryOptions Retry { get; set; } = new();

    public override string RegionEndpointServiceName => _descriptor?.EndpointPrefix ?? string.Empty;

    public override string ServiceVersion => _descriptor?.ApiVersion ?? string.Empty;

    public override string UserAgent => InternalSDKUtils.BuildUserAgentString(_descriptor?.ServiceId ?? "ecs-operator", "ecs-operator");

    /// <summary>Where a request would go, without sending it (used by tests and diagnostics).</summary>
    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var bag = AwsEndpointResolver.Parameters(this);
        return EndpointProvider.ResolveEndpoint(bag);
    }

    private static DefaultConfiguration StandardDefaults() => new()
    {
        Name = DefaultConfigurationMode.Standard,
        RetryMode = RequestRetryMode.Standard,
        S3UsEast1RegionalEndpoint = S3UsEast1RegionalEndpointValue.Regional,
        ConnectTimeout = TimeSpan.FromMilliseconds(3100),
        TlsNegotiationTimeout = TimeSpan.FromMilliseconds(3100),
    };
}
