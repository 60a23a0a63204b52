using AwsFaultProxy;
using EcsOperator.Aws;
using EcsOperator.Aws.Core;
using EcsOperator.Testing;
using Xunit;
using EcsModel = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.ReliabilityTests.AwsFaults;

/// <summary>
/// The bug scenario 2 found: a RegisterTaskDefinition whose connection dropped after AWS applied it was retried by the
/// SDK and registered a second revision. The operator's client now reports the ambiguity instead of retrying.
/// </summary>
public sealed class AmbiguousResultTests
{
    [Fact]
    public async Task A_dropped_answer_to_RegisterTaskDefinition_is_reported_not_retried_into_a_second_revision()
    {
        ExternalTools.RequireMoto();
        var token = TestContext.Current.CancellationToken;
        await using var moto = new MotoServer();
        await moto.InitializeAsync();
        await using var proxy = await FaultProxy.StartAsync(new FaultProxyOptions { Upstream = moto.Endpoint, Seed = 1 }, token);
        proxy.Rules.Add(FaultRule.DropResponse(AwsServices.Ecs, "RegisterTaskDefinition") with { FirstCalls = 1 });
        var ecs = new AwsClientFactory(new AwsClientOptions { Region = MotoServer.Region, EndpointUrl = proxy.Endpoint.ToString().TrimEnd('/') }).CreateEcs();
        var family = TestNames.Unique("ambiguous");

        await Assert.ThrowsAsync<AwsAmbiguousResultException>(() => ecs.RegisterTaskDefinitionAsync(Request(family), token));
        var retried = await ecs.RegisterTaskDefinitionAsync(Request(family), token);

        Assert.Equal(2, proxy.Stats.For(AwsServices.Ecs, "RegisterTaskDefinition").Succeeded); // the dropped one, then the caller's own
        Assert.Equal(2, retried.TaskDefinition?.Revision);
    }

    private static EcsModel.RegisterTaskDefinitionRequest Request(string family) => new()
    {
        Family = family,
        ContainerDefinitions = [new EcsModel.ContainerDefinition { Name = "web", Image = "nginx:1.27", Memory = 128 }],
    };
}
