using AwsFaultProxy;
using EcsOperator.Aws.Core;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Ecs.Model;
using EcsOperator.IntegrationTests.Aws;
using EcsOperator.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.FaultProxy;

/// <summary>
/// A proxy with the ECS services front in front of moto, on a fake clock, and the operator's own ECS client pointed
/// at it; each harness has its own cluster and task definition family, so tests run in parallel on one moto.
/// </summary>
internal sealed class EcsFrontHarness : IAsyncDisposable
{
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);

    private EcsFrontHarness(AwsFaultProxy.FaultProxy proxy, FakeTimeProvider clock, EcsClient ecs, string cluster, string family)
    {
        (Proxy, Clock, Ecs, Cluster, Family) = (proxy, clock, ecs, cluster, family);
    }

    public AwsFaultProxy.FaultProxy Proxy { get; }

    public FakeTimeProvider Clock { get; }

    public EcsClient Ecs { get; }

    public string Cluster { get; }

    public string Family { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<EcsFrontHarness> StartAsync(MotoServer moto)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions
        {
            Upstream = moto.Endpoint,
            EcsScheduler = true,
            EcsSchedulerDelay = Delay,
            TimeProvider = clock,
        }, Ct);
        var ecs = MotoAws.Factory(proxy.Endpoint, retry: new AwsRetryOptions { MaxErrorRetry = 0 }).CreateEcs();
        var cluster = TestNames.Unique("front");
        await ecs.CreateClusterAsync(new CreateClusterRequest { ClusterName = cluster }, Ct);
        return new EcsFrontHarness(proxy, clock, ecs, cluster, TestNames.Unique("web"));
    }

    /// <summary>Registers a revision of the harness's family: one container <c>web</c> on port 80 with this image.</summary>
    public async Task<string> RegisterAsync(string image = "nginx:1.27")
    {
        var request = new RegisterTaskDefinitionRequest
        {
            Family = Family,
            Cpu = "256",
            Memory = "512",
            NetworkMode = NetworkMode.Awsvpc,
            RequiresCompatibilities = [Compatibility.FARGATE],
            ContainerDefinitions =
            [
                new ContainerDefinition { Name = "web", Image = image, Essential = true, PortMappings = [new PortMapping { ContainerPort = 80 }] },
            ],
        };
        return (await Ecs.RegisterTaskDefinitionAsync(request, Ct)).TaskDefinition!.TaskDefinitionArn!;
    }

    /// <summary>A Fargate service without security groups (the front accepts it, as ECS does with the default group).</summary>
    public CreateServiceRequest Service(string name, string taskDefinition, int desiredCount = 2) => new()
    {
        Cluster = Cluster,
        ServiceName = name,
        TaskDefinition = taskDefinition,
        DesiredCount = desiredCount,
        LaunchType = LaunchType.FARGATE,
        ClientToken = Guid.NewGuid().ToString("N"),
        NetworkConfiguration = new NetworkConfiguration { AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = ["subnet-0a1"] } },
    };

    public async Task<Service> DescribeAsync(string name, bool tags = false)
    {
        var answer = await Ecs.DescribeServicesAsync(new DescribeServicesRequest
        {
            Cluster = Cluster,
            Services = [name],
            Include = tags ? [ServiceField.TAGS] : null,
        }, Ct);
        return Assert.Single(answer.Services!);
    }

    /// <summary>Moves the fake clock by whole scheduler steps.</summary>
    public void Step(int steps = 1) => Clock.Advance(Delay * steps);

    public async ValueTask DisposeAsync()
    {
        Ecs.Dispose();
        await Proxy.DisposeAsync();
    }
}
