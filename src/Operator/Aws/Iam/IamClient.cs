using EcsOperator.Aws.Protocols;

namespace EcsOperator.Aws.Iam;

/// <summary>The Iam client: each operation (generated into IamClient.g.cs) is one line on top of the protocol client.</summary>
public sealed partial class IamClient(QueryProtocolClient protocol) : IIamApi, IDisposable
{
    private readonly QueryProtocolClient _protocol = protocol;

    public void Dispose() => _protocol.Dispose();
}
