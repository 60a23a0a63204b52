using AwsFaultProxy;
using Xunit;

namespace EcsOperator.IntegrationTests.FaultProxy;

/// <summary>
/// SigV4 signs the Host header. By default the proxy sends the upstream's Host, which breaks signatures at an
/// upstream that verifies them; PreserveHost keeps the client's Host so that they verify.
/// </summary>
public sealed class FaultProxySigningTests(SignatureCheckingMoto signing) : IClassFixture<SignatureCheckingMoto>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_PreserveHost_a_correctly_signed_call_verifies_at_moto_through_the_proxy()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = signing.Moto.Endpoint, PreserveHost = true }, Ct);

        var result = await AwsCli.RunAsync(signing.ClientEnvironment(proxy.Endpoint), "ecs", "list-clusters");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(1, proxy.Stats.For("ecs", "ListClusters").UpstreamStatus[200]);
    }

    [Fact]
    public async Task With_PreserveHost_a_wrong_secret_is_still_rejected()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = signing.Moto.Endpoint, PreserveHost = true }, Ct);

        var result = await AwsCli.RunAsync(signing.ClientEnvironment(proxy.Endpoint, secret: "not-the-secret"), "ecs", "list-clusters");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("SignatureDoesNotMatch", result.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task By_default_the_rewritten_Host_breaks_the_signature_as_documented()
    {
        await using var proxy = await AwsFaultProxy.FaultProxy.StartAsync(new FaultProxyOptions { Upstream = signing.Moto.Endpoint }, Ct);

        var result = await AwsCli.RunAsync(signing.ClientEnvironment(proxy.Endpoint), "ecs", "list-clusters");

        Assert.Contains("SignatureDoesNotMatch", result.StdErr, StringComparison.Ordinal);
        Assert.Equal(1, proxy.Stats.For("ecs", "ListClusters").UpstreamStatus[403]);
    }
}
