using System.Diagnostics;
using Xunit;

namespace EcsOperator.Testing;

/// <summary>
/// Starts <c>moto_server</c> on a free 127.0.0.1 port, waits until it answers, and stops it by PID.
/// Use it as an xunit class or collection fixture. Tests sharing one server isolate themselves by name
/// (<see cref="TestNames"/>), never by resetting the server.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    private Process? _process;

    public int Port { get; private set; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    public static string Region => "us-east-1";

    /// <summary>Extra environment for moto_server (for example INITIAL_NO_AUTH_ACTION_COUNT).</summary>
    public IDictionary<string, string> ServerEnvironment { get; } = new Dictionary<string, string>();

    /// <summary>
    /// Environment that points AWS clients (the operator's own, awscli, boto3) at this server with dummy
    /// credentials, and never at instance metadata.
    /// </summary>
    public IReadOnlyDictionary<string, string> ClientEnvironment => new Dictionary<string, string>
    {
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_SESSION_TOKEN"] = "testing",
        ["AWS_DEFAULT_REGION"] = Region,
        ["AWS_REGION"] = Region,
        ["AWS_ENDPOINT_URL"] = Endpoint.ToString().TrimEnd('/'),
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    public async ValueTask InitializeAsync()
    {
        var binary = ExternalTools.RequireMoto();
        Port = FreePort.Next();
        var psi = new ProcessStartInfo(binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add("-H");
        psi.ArgumentList.Add("127.0.0.1");
        psi.ArgumentList.Add("-p");
        psi.ArgumentList.Add(Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        psi.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (k, v) in ServerEnvironment)
        {
            psi.Environment[k] = v;
        }

        _process = Process.Start(psi) ?? throw new InvalidOperationException("moto_server did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with {_process.ExitCode} before answering on port {Port}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "/moto-api/"));
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"moto_server did not answer on {Endpoint} within 60 s");
    }

    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        return ValueTask.CompletedTask;
    }
}
