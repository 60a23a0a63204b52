using EcsOperator.Aws.Core;
using EcsOperator.Aws.Ecs.Model;
using EcsOperator.IntegrationTests.Aws;
using EcsOperator.IntegrationTests.Runtime;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.FaultProxy;

/// <summary>The ECS services front switched on from the proxy's command line, on the real clock.</summary>
public sealed class EcsFrontCommandLineTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_ecs_scheduler_flags_start_the_front_and_a_service_completes_after_the_delay()
    {
        using var process = await ProxyProcess.StartAsync(["--upstream", moto.Endpoint.ToString(), "--ecs-scheduler", "--ecs-scheduler-delay", "300ms"], Ct);
        using var ecs = MotoAws.Factory(process.Endpoint, retry: new AwsRetryOptions { MaxErrorRetry = 0 }).CreateEcs();
        var cluster = TestNames.Unique("cli");
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = cluster }, Ct);
        var family = TestNames.Unique("cli");
        await ecs.RegisterTaskDefinitionAsync(EcsSamples.TaskDefinition(family), Ct);

        var created = await ecs.CreateServiceAsync(new CreateServiceRequest
        {
            Cluster = cluster,
            ServiceName = "web",
            TaskDefinition = family,
            DesiredCount = 1,
            LaunchType = "FARGATE",
            NetworkConfiguration = new NetworkConfiguration { AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = ["subnet-0a1"] } },
        }, Ct);
        Service? service = null;
        var completed = await Eventually.TrueAsync(async () =>
        {
            service = (await ecs.DescribeServicesAsync(new DescribeServicesRequest { Cluster = cluster, Services = ["web"] }, Ct)).Services![0];
            return service.Deployments![0].RolloutState == "COMPLETED";
        });

        Assert.Equal("IN_PROGRESS", created.Service!.Deployments![0].RolloutState);
        Assert.True(completed, "the deployment did not complete within 20 s of a 300 ms scheduler delay");
        Assert.Equal(1, service!.RunningCount);
    }

    [Fact]
    public async Task A_bad_scheduler_delay_exits_with_2()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ProxyProcess.StartAsync(["--upstream", moto.Endpoint.ToString(), "--ecs-scheduler", "--ecs-scheduler-delay", "soon"], Ct));

        Assert.Contains("exited with 2", error.Message, StringComparison.Ordinal);
    }
}
