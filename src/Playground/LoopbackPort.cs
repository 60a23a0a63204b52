using System.Net;
using System.Net.Sockets;

namespace EcsOperator.Playground;

/// <summary>Free-port lookup and busy-port detection on 127.0.0.1.</summary>
public static class LoopbackPort
{
    /// <summary>A port the kernel reports free right now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>True when something already listens on the port, so that a second server would fail to bind.</summary>
    public static bool IsInUse(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }
}
