using System.Diagnostics;
using System.Globalization;

namespace EcsOperator.Playground;

/// <summary>
/// A moto server on 127.0.0.1, started by this process and stopped by PID with its whole process tree.
/// The playground and the test fixture (EcsOperator.Testing.MotoServer) both start moto through this class.
/// </summary>
public sealed class MotoProcess : IAsyncDisposable
{
    private static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly OutputTail _output;

    private MotoProcess(Process process, OutputTail output, int port)
    {
        _process = process;
        _output = output;
        Port = port;
    }

    public int Port { get; }

    public Uri Endpoint => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

    public int ProcessId => _process.Id;

    /// <summary>
    /// Starts moto on <paramref name="port"/> (0 picks a free one) and returns once it answers HTTP.
    /// Throws <see cref="PlaygroundException"/> when moto is missing, the port is busy, or moto dies or stays silent.
    /// </summary>
    public static async Task<MotoProcess> StartAsync(
        int port,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? startTimeout = null,
        CancellationToken cancellationToken = default)
    {
        var command = await MotoCommand.LocateAsync(cancellationToken) ?? throw new PlaygroundException(MotoCommand.InstallHint);
        var chosen = port == 0 ? LoopbackPort.Free() : port;
        if (LoopbackPort.IsInUse(chosen))
        {
            throw new PlaygroundException(
                $"port {chosen} on 127.0.0.1 is already in use; pass --aws-port 0 for a free one, or --aws-endpoint-url http://127.0.0.1:{chosen} to use what runs there");
        }

        var output = new OutputTail();
        var process = Launch(command, chosen, environment, output);
        var moto = new MotoProcess(process, output, chosen);
        try
        {
            await moto.WaitUntilAnsweringAsync(startTimeout ?? DefaultStartTimeout, cancellationToken);
            return moto;
        }
        catch
        {
            await moto.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills moto and everything it started, and waits for it to be gone.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or stuck in the kernel: nothing more a user-space process can do.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static Process Launch(MotoCommand command, int port, IReadOnlyDictionary<string, string>? environment, OutputTail output)
    {
        var psi = new ProcessStartInfo(command.FileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in command.Arguments.Concat(["-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture)]))
        {
            psi.ArgumentList.Add(argument);
        }

        psi.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        var process = Process.Start(psi) ?? throw new PlaygroundException($"{command.FileName} did not start");
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilAnsweringAsync(TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var probe = new Uri(Endpoint, "/moto-api/");
        var deadline = DateTime.UtcNow + startTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new PlaygroundException($"moto exited with code {_process.ExitCode} before answering on port {Port}: {_output}");
            }

            try
            {
                using var response = await http.GetAsync(probe, cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }

        throw new PlaygroundException($"moto did not answer on {Endpoint} within {startTimeout.TotalSeconds:0} s: {_output}");
    }
}
