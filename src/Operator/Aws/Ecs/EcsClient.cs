using EcsOperator.Aws.Protocols;

namespace EcsOperator.Aws.Ecs;

/// <summary>The Ecs client: each operation (generated into EcsClient.g.cs) is one line on top of the protocol client.</summary>
public sealed partial class EcsClient(JsonProtocolClient protocol) : IEcsApi, IDisposable
{
    private readonly JsonProtocolClient _protocol = protocol;

    public void Dispose() => _protocol.Dispose();
}
