using Amazon;
using Amazon.Runtime;
using EcsOperator.Aws.Budget;
using EcsOperator.Aws.Core;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Ecs.Model;
using EcsOperator.Aws.Efs;
using EcsOperator.Aws.ElasticLoadBalancingV2;
using EcsOperator.Aws.Iam;
using EcsOperator.Aws.Metrics;
using EcsOperator.Aws.Protocols;

namespace EcsOperator.Aws;

/// <summary>
/// Builds the four service clients for one account and region. All clients built by one factory share one call
/// budget and one set of metrics, so the budget bounds the whole operator (or shard).
/// </summary>
public sealed class AwsClientFactory(AwsClientOptions options, AwsCallAccounting? accounting = null)
{
    public AwsClientOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    public AwsCallAccounting Accounting { get; } = accounting ?? new AwsCallAccounting(new AwsCallBudget(options.ScaledBudget), new AwsMetrics());

    public EcsClient CreateEcs() =>
        new(new JsonProtocolClient(Options.Credentials, Configure(new EcsConfig()), "AmazonEC2ContainerServiceV20141113", EcsErrors.Create));

    public Elbv2Client CreateElbv2() =>
        new(new QueryProtocolClient(Options.Credentials, Configure(new Elbv2Config()), ElasticLoadBalancingV2.Model.ElasticLoadBalancingV2Errors.Create));

    public EfsClient CreateEfs() =>
        new(new RestJsonProtocolClient(Options.Credentials, Configure(new EfsConfig()), Efs.Model.EfsErrors.Create));

    public IamClient CreateIam() =>
        new(new QueryProtocolClient(Options.Credentials, Configure(new IamConfig()), Iam.Model.IamErrors.Create));

    /// <summary>Applies region, endpoint override, retry knobs and the shared accounting to one service's config.</summary>
    public T Configure<T>(T config)
        where T : AwsServiceConfig
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!string.IsNullOrEmpty(Options.EndpointUrl))
        {
            config.ServiceURL = Options.EndpointUrl;
            config.AuthenticationRegion = Options.Region ?? FallbackRegionFactory.GetRegionEndpoint()?.SystemName ?? "us-east-1";
        }
        else if (!string.IsNullOrEmpty(Options.Region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(Options.Region);
        }

        if (Options.Retry.MaxErrorRetry is { } retries)
        {
            config.MaxErrorRetry = retries;
        }

        if (Options.Timeout is { } timeout)
        {
            config.Timeout = timeout;
        }

        config.ThrottleRetries = Options.Retry.RetryQuota;
        config.Retry = Options.Retry;
        config.Accounting = Accounting;
        return config;
    }
}
