using AwsFaultProxy;
using EcsOperator.Aws;
using EcsOperator.Aws.Core;
using EcsOperator.IntegrationTests.Aws;
using EcsOperator.Testing;
using Xunit;
using EcsModel = EcsOperator.Aws.Ecs.Model;
using EfsModel = EcsOperator.Aws.Efs.Model;
using Elbv2Model = EcsOperator.Aws.ElasticLoadBalancingV2.Model;
using IamModel = EcsOperator.Aws.Iam.Model;

namespace EcsOperator.IntegrationTests.FaultProxy;

/// <summary>
/// The contract between the proxy and the operator's own AWSSDK.Core clients: injected errors parse as the
/// typed, classified exceptions the reconcilers act on, and Core's retries get past a short outage.
/// </summary>
public sealed class OperatorClientsThroughProxyTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Services => ["ecs", "elbv2", "efs", "iam"];

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Injected_throttling_reaches_the_operators_client_as_a_Throttled_ThrottlingException(string service)
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        proxy.Rules.Add(FaultRule.Throttle(service));
        var factory = MotoAws.Factory(proxy.Endpoint, retry: new AwsRetryOptions { MaxErrorRetry = 0 });

        var error = await Assert.ThrowsAsync<ThrottlingException>(() => CallAsync(factory, service));

        Assert.Equal(AwsErrorClass.Throttled, error.Classification);
        Assert.Equal(ErrorResponses.ThrottleMessage, error.Message);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Equal(1, proxy.Stats.TotalCalls(service));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task An_injected_503_reaches_the_operators_client_as_Transient(string service)
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        proxy.Rules.Add(FaultRule.ServerError(service, "*", 503));
        var factory = MotoAws.Factory(proxy.Endpoint, retry: new AwsRetryOptions { MaxErrorRetry = 0 });

        var error = await Assert.ThrowsAnyAsync<AwsServiceException>(() => CallAsync(factory, service));

        Assert.Equal(AwsErrorClass.Transient, error.Classification);
    }

    [Fact]
    public async Task Core_retries_get_the_operators_ecs_client_past_two_throttles_and_the_retries_show_in_the_counts()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint }, Ct);
        proxy.Rules.Add(FaultRule.Throttle("ecs", "DescribeClusters") with { FirstCalls = 2 });
        var factory = MotoAws.Factory(proxy.Endpoint, retry: new AwsRetryOptions { MaxErrorRetry = 3, MaxBackoff = TimeSpan.FromMilliseconds(200), RetryQuota = false });

        await CallAsync(factory, "ecs");

        var describe = proxy.Stats.For("ecs", "DescribeClusters");
        Assert.Equal((3, 2, 1), (describe.Calls, describe.Throttled, describe.Forwarded));
    }

    private static async Task CallAsync(AwsClientFactory factory, string service)
    {
        switch (service)
        {
            case "ecs":
                using (var ecs = factory.CreateEcs())
                {
                    await ecs.DescribeClustersAsync(new EcsModel.DescribeClustersRequest { Clusters = [TestNames.Unique("fp-cluster")] }, Ct);
                }

                break;
            case "elbv2":
                using (var elbv2 = factory.CreateElbv2())
                {
                    await elbv2.DescribeTargetGroupsAsync(new Elbv2Model.DescribeTargetGroupsRequest(), Ct);
                }

                break;
            case "efs":
                using (var efs = factory.CreateEfs())
                {
                    await efs.DescribeFileSystemsAsync(new EfsModel.DescribeFileSystemsRequest(), Ct);
                }

                break;
            default:
                using (var iam = factory.CreateIam())
                {
                    await iam.GetRoleAsync(new IamModel.GetRoleRequest { RoleName = TestNames.Unique("fp-role") }, Ct);
                }

                break;
        }
    }
}
