using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal.Endpoints.StandardLibrary;

namespace EcsOperator.Aws.Core;

/// <summary>
/// The services' endpoint rule sets (botocore endpoint-rule-set-1.json), reduced to what they decide: an explicit
/// endpoint wins; otherwise the partition of the region (aws, aws-cn, aws-us-gov, ...) gives the DNS suffix, with
/// FIPS and dual-stack variants. IAM is global: one endpoint per partition, signed for the partition's global region.
/// </summary>
public static class AwsEndpointProviders
{
    public static IEndpointProvider Regional(string prefix, string? fipsPrefix = null) => new RegionalEndpointProvider(prefix, fipsPrefix ?? prefix + "-fips");

    public static IEndpointProvider Iam { get; } = new IamEndpointProvider();

    private static (string Region, bool Fips, bool DualStack, string? Endpoint) Read(EndpointParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var region = parameters["Region"] as string;
        var endpoint = parameters["Endpoint"] as string;
        if (string.IsNullOrEmpty(region) && string.IsNullOrEmpty(endpoint))
        {
            throw new AmazonClientException("No region and no endpoint configured: set --region (or AWS_REGION) or --aws-endpoint-url");
        }

        return (region ?? string.Empty, parameters["UseFIPS"] is true, parameters["UseDualStack"] is true, endpoint);
    }

    private static Dictionary<string, object> Refs(string region) => new()
    {
        ["Region"] = region,
        ["PartitionResult"] = Fn.Partition(region),
    };

    private sealed class RegionalEndpointProvider(string prefix, string fipsPrefix) : IEndpointProvider
    {
        public Endpoint ResolveEndpoint(EndpointParameters parameters)
        {
            var (region, fips, dualStack, endpoint) = Read(parameters);
            if (!string.IsNullOrEmpty(endpoint))
            {
                return new Endpoint(endpoint);
            }

            var host = fips ? fipsPrefix : prefix;
            var suffix = dualStack ? "{PartitionResult#dualStackDnsSuffix}" : "{PartitionResult#dnsSuffix}";
            return new Endpoint(Fn.Interpolate($"https://{host}.{{Region}}.{suffix}", Refs(region)));
        }
    }

    private sealed class IamEndpointProvider : IEndpointProvider
    {
        public Endpoint ResolveEndpoint(EndpointParameters parameters)
        {
            var (region, fips, dualStack, endpoint) = Read(parameters);
            if (!string.IsNullOrEmpty(endpoint))
            {
                return new Endpoint(endpoint);
            }

            var partition = Fn.Partition(region);
            var (url, signingRegion) = (partition.name, fips, dualStack) switch
            {
                ("aws-cn", false, false) => ("https://iam.cn-north-1.amazonaws.com.cn", "cn-north-1"),
                ("aws-us-gov", false, false) => ("https://iam.us-gov.amazonaws.com", "us-gov-west-1"),
                _ => (Fn.Interpolate(
                        (fips ? "https://iam-fips." : "https://iam.") + (dualStack ? "{PartitionResult#dualStackDnsSuffix}" : "{PartitionResult#dnsSuffix}"),
                        Refs(region)),
                    partition.implicitGlobalRegion),
            };
            var attributes = $$"""{"authSchemes":[{"name":"sigv4","signingName":"iam","signingRegion":"{{signingRegion}}"}]}""";
            return new Endpoint(url, attributes, null);
        }
    }
}
