using System.Diagnostics;

namespace EcsOperator.IntegrationTests.FaultProxy;

/// <summary>The proxy's command line, run as a child process from the test output folder; stopped by PID.</summary>
internal sealed class ProxyProcess : IDisposable
{
    private readonly Process _process;

    private ProxyProcess(Process process, Uri endpoint, string readyLine)
    {
        _process = process;
        Endpoint = endpoint;
        ReadyLine = readyLine;
    }

    public Uri Endpoint { get; }

    public string ReadyLine { get; }

    public static async Task<ProxyProcess> StartAsync(IEnumerable<string> args, CancellationToken cancellationToken)
    {
        var apphost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "AwsFaultProxy.exe" : "AwsFaultProxy");
        var psi = File.Exists(apphost)
            ? new ProcessStartInfo(apphost)
            : new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "AwsFaultProxy.dll") } };
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("the proxy did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith("READY url=", StringComparison.Ordinal))
                {
                    return new ProxyProcess(process, new Uri(line["READY url=".Length..].Split(' ')[0]), line);
                }
            }

            throw new InvalidOperationException($"the proxy exited with {(process.WaitForExit(5000) ? process.ExitCode : -1)} before READY");
        }
        catch
        {
            Stop(process);
            throw;
        }
    }

    public void Dispose() => Stop(_process);

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process.Dispose();
    }
}
