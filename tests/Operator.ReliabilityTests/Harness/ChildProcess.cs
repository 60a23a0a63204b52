using System.Diagnostics;
using EcsOperator.Testing;

namespace EcsOperator.ReliabilityTests.Harness;

/// <summary>
/// A .NET program from this test's output folder run as a child process (`dotnet X.dll ...`), its stdout and
/// stderr appended to one log file that outlives it (the secrets scan reads every line). Stopped by its own PID:
/// <see cref="KillAsync"/> is a SIGKILL, as a node failure or an OOM kill would be.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly TaskCompletionSource<string> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string? _readyPrefix;

    private ChildProcess(Process process, StreamWriter log, string? readyPrefix)
    {
        _process = process;
        _log = log;
        _readyPrefix = readyPrefix;
    }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts `dotnet {dll} {args}`; <paramref name="readyPrefix"/> is the stdout line <see cref="WaitReadyAsync"/> waits for.</summary>
    public static ChildProcess Start(string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, string logPath, string? readyPrefix = null)
    {
        var start = new ProcessStartInfo(ExternalTools.FindOnPath("dotnet") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, dll));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        var child = new ChildProcess(new Process { StartInfo = start }, log, readyPrefix);
        child._process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        child._process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The ready line, or a failure with the exit code when the program ends first.</summary>
    public async Task<string> WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var exited = _process.WaitForExitAsync(cancellationToken);
        var first = await Task.WhenAny(_ready.Task, exited).WaitAsync(timeout, cancellationToken);
        return first == _ready.Task
            ? await _ready.Task
            : throw new InvalidOperationException($"child {_process.Id} exited with {_process.ExitCode} before it was ready");
    }

    /// <summary>SIGKILL, then waits until the kernel has reaped it, so that a restart never overlaps it.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>SIGKILL without waiting: safe from a callback that must not block (the proxy's hold hook).</summary>
    public void KillNow()
    {
        try
        {
            _process.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            if (_log.BaseStream.CanWrite)
            {
                _log.WriteLine(line);
            }
        }

        if (_readyPrefix is not null && line.StartsWith(_readyPrefix, StringComparison.Ordinal))
        {
            _ready.TrySetResult(line);
        }
    }
}
