using EcsOperator.Aws.Protocols;

namespace EcsOperator.Aws.Efs;

/// <summary>The Efs client: each operation (generated into EfsClient.g.cs) is one line on top of the protocol client.</summary>
public sealed partial class EfsClient(RestJsonProtocolClient protocol) : IEfsApi, IDisposable
{
    private readonly RestJsonProtocolClient _protocol = protocol;

    public void Dispose() => _protocol.Dispose();
}
