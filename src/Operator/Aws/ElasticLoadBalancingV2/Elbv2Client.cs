using EcsOperator.Aws.Protocols;

namespace EcsOperator.Aws.ElasticLoadBalancingV2;

/// <summary>The Elbv2 client: each operation (generated into Elbv2Client.g.cs) is one line on top of the protocol client.</summary>
public sealed partial class Elbv2Client(QueryProtocolClient protocol) : IElbv2Api, IDisposable
{
    private readonly QueryProtocolClient _protocol = protocol;

    public void Dispose() => _protocol.Dispose();
}
