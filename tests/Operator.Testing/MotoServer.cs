using EcsOperator.Playground;
using Xunit;

namespace EcsOperator.Testing;

/// <summary>
/// Starts moto on a free 127.0.0.1 port, waits until it answers, and stops it by PID. Use it as an xunit class or
/// collection fixture. Tests sharing one server isolate themselves by name (<see cref="TestNames"/>), never by
/// resetting the server. The starting and stopping is the playground's <see cref="MotoProcess"/>, so that one
/// piece of code starts moto everywhere.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    private MotoProcess? _process;

    public int Port { get; private set; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    public static string Region => "us-east-1";

    /// <summary>Extra environment for moto_server (for example INITIAL_NO_AUTH_ACTION_COUNT).</summary>
    public IDictionary<string, string> ServerEnvironment { get; } = new Dictionary<string, string>();

    /// <summary>
    /// Environment that points AWS clients (the operator's own, awscli, boto3) at this server with dummy
    /// credentials, and never at instance metadata.
    /// </summary>
    public IReadOnlyDictionary<string, string> ClientEnvironment => AwsEnvironment.For(Endpoint, Region);

    public async ValueTask InitializeAsync()
    {
        if (await MotoCommand.LocateAsync() is null)
        {
            ExternalTools.RequireMoto(); // skips locally, fails under CI=true, with the install hint
        }

        _process = await MotoProcess.StartAsync(port: 0, environment: ServerEnvironment.AsReadOnly());
        Port = _process.Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
