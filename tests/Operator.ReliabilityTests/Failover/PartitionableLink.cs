using System.Net;
using System.Net.Sockets;

namespace EcsOperator.ReliabilityTests.Failover;

/// <summary>
/// A loopback TCP relay between one operator replica and LocalKube, with its own kubeconfig: <see cref="Partition"/>
/// cuts every open connection and refuses new ones, so that this replica alone loses the API server (its lease renewals
/// fail) while the other replica and AWS stay reachable.
/// </summary>
internal sealed class PartitionableLink : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly Task _accepting;
    private volatile bool _partitioned;

    public PartitionableLink(Uri target, string sourceKubeconfig, string kubeconfigPath)
    {
        _target = target;
        _listener.Start();
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        KubeconfigPath = kubeconfigPath;
        File.WriteAllText(kubeconfigPath, File.ReadAllText(sourceKubeconfig).Replace(target.GetLeftPart(UriPartial.Authority), $"http://127.0.0.1:{port}", StringComparison.Ordinal));
        _accepting = Task.Run(AcceptLoopAsync);
    }

    public string KubeconfigPath { get; }

    public DateTimeOffset? PartitionedAt { get; private set; }

    public void Partition()
    {
        PartitionedAt = DateTimeOffset.UtcNow;
        _partitioned = true;
        lock (_open)
        {
            foreach (var client in _open)
            {
                client.Dispose();
            }

            _open.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Partition();
        await _accepting;
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_partitioned)
            {
                inbound.Dispose();
                continue;
            }

            _ = RelayAsync(inbound);
        }
    }

    private async Task RelayAsync(TcpClient inbound)
    {
        var outbound = new TcpClient();
        lock (_open)
        {
            _open.Add(inbound);
            _open.Add(outbound);
        }

        try
        {
            await outbound.ConnectAsync(_target.Host, _target.Port, _stop.Token);
            using var both = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var up = inbound.GetStream().CopyToAsync(outbound.GetStream(), both.Token);
            var down = outbound.GetStream().CopyToAsync(inbound.GetStream(), both.Token);
            await Task.WhenAny(up, down);
            await both.CancelAsync();
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // A partition or a closed peer ends the relay.
        }
        finally
        {
            inbound.Dispose();
            outbound.Dispose();
        }
    }
}
