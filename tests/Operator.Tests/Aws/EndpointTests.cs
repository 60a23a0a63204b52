using Amazon;
using Amazon.Runtime.Endpoints;
using EcsOperator.Aws;
using EcsOperator.Aws.Core;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Efs;
using EcsOperator.Aws.ElasticLoadBalancingV2;
using EcsOperator.Aws.Iam;
using Xunit;

namespace EcsOperator.Tests.Aws;

/// <summary>Endpoints per partition (no network): regional services, IAM's global endpoint, FIPS, and the override.</summary>
public sealed class EndpointTests
{
    [Theory]
    [InlineData("us-east-1", "https://ecs.us-east-1.amazonaws.com")]
    [InlineData("cn-north-1", "https://ecs.cn-north-1.amazonaws.com.cn")]
    [InlineData("us-gov-west-1", "https://ecs.us-gov-west-1.amazonaws.com")]
    public void Ecs_resolves_per_partition(string region, string expected) =>
        Assert.Equal(expected, Resolve(new EcsConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(region) }).URL);

    [Fact]
    public void Fips_uses_the_fips_host()
    {
        var config = new Elbv2Config { RegionEndpoint = RegionEndpoint.USEast1, UseFIPSEndpoint = true };
        Assert.Equal("https://elasticloadbalancing-fips.us-east-1.amazonaws.com", Resolve(config).URL);
    }

    [Fact]
    public void Efs_uses_its_elasticfilesystem_host() =>
        Assert.Equal("https://elasticfilesystem.eu-west-1.amazonaws.com", Resolve(new EfsConfig { RegionEndpoint = RegionEndpoint.EUWest1 }).URL);

    [Theory]
    [InlineData("eu-west-1", "https://iam.amazonaws.com", "us-east-1")]
    [InlineData("cn-northwest-1", "https://iam.cn-north-1.amazonaws.com.cn", "cn-north-1")]
    [InlineData("us-gov-east-1", "https://iam.us-gov.amazonaws.com", "us-gov-west-1")]
    public void Iam_is_global_per_partition_and_signed_for_its_global_region(string region, string url, string signingRegion)
    {
        var endpoint = Resolve(new IamConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(region) });

        Assert.Equal(url, endpoint.URL);
        var scheme = (Amazon.Runtime.Endpoints.PropertyBag)((System.Collections.IList)endpoint.Attributes["authSchemes"])[0]!;
        Assert.Equal(signingRegion, scheme["signingRegion"]);
    }

    [Fact]
    public void The_endpoint_override_applies_to_every_service()
    {
        var factory = new AwsClientFactory(new AwsClientOptions { Region = "eu-west-1", EndpointUrl = "http://127.0.0.1:5000" });

        foreach (AwsServiceConfig config in new AwsServiceConfig[] { new EcsConfig(), new Elbv2Config(), new EfsConfig(), new IamConfig() })
        {
            factory.Configure(config);
            Assert.Equal("http://127.0.0.1:5000", Resolve(config).URL.TrimEnd('/'));
            Assert.Equal("eu-west-1", config.AuthenticationRegion);
        }
    }

    private static Endpoint Resolve(AwsServiceConfig config) =>
        config.DetermineServiceOperationEndpoint(new ServiceOperationEndpointParameters(new Amazon.SecurityToken.Model.GetCallerIdentityRequest()));
}
