using EcsOperator.Aws;
using EcsOperator.Aws.Core;
using EcsOperator.Aws.Ecs;
using Xunit;

namespace EcsOperator.Tests.Aws;

/// <summary>The SDK's client-wide retry quota is off unless asked for: the operator's own budget paces retries.</summary>
public sealed class RetryQuotaTests
{
    [Fact]
    public void By_default_every_call_keeps_all_its_retries()
    {
        var config = new AwsClientFactory(new AwsClientOptions { Region = "eu-west-1" }).Configure(new EcsConfig());

        Assert.False(config.ThrottleRetries);
    }

    [Fact]
    public void The_quota_can_be_turned_back_on()
    {
        var options = new AwsClientOptions { Region = "eu-west-1", Retry = new AwsRetryOptions { RetryQuota = true } };

        Assert.True(new AwsClientFactory(options).Configure(new EcsConfig()).ThrottleRetries);
    }
}
