using System.Diagnostics;
using System.Globalization;

namespace EcsOperator.Benchmarks.Harness;

/// <summary>
/// A program the harness starts (LocalKube, the operator, the bare host): its output goes to a log file, and it is
/// stopped by its PID (SIGTERM, then a kill of its tree) on dispose. RSS is read from /proc.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly TaskCompletionSource<string> _readyLine = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _readyPrefix;

    private ChildProcess(Process process, string logPath, string readyPrefix)
    {
        _process = process;
        _readyPrefix = readyPrefix;
        LogPath = logPath;
        _log = new StreamWriter(logPath) { AutoFlush = false };
    }

    /// <summary>When <see cref="Process.Start()"/> was called (a Stopwatch timestamp).</summary>
    public long StartedTimestamp { get; private set; }

    public int Id => _process.Id;

    public string LogPath { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <c>dotnet &lt;dll&gt; args</c>, or a native executable (the AOT operator) itself;
    /// <paramref name="readyPrefix"/> is the stdout line prefix that <see cref="WaitReadyAsync"/> waits for.
    /// </summary>
    public static ChildProcess StartDotnet(string program, IEnumerable<string> args, string logPath, IReadOnlyDictionary<string, string>? environment = null, string readyPrefix = "READY ")
    {
        if (!File.Exists(program))
        {
            throw new FileNotFoundException($"{program} is missing: build it first (dotnet build -c Release)", program);
        }

        var psi = StartInfo(program);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        var child = new ChildProcess(new Process { StartInfo = psi }, logPath, readyPrefix);
        child._process.OutputDataReceived += (_, e) => child.OnLine(e.Data);
        child._process.ErrorDataReceived += (_, e) => child.OnLine(e.Data);
        child.StartedTimestamp = Stopwatch.GetTimestamp();
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>How to run <paramref name="program"/>: through <c>dotnet</c> when it is an assembly, else as it is.</summary>
    public static ProcessStartInfo StartInfo(string program)
    {
        var assembly = program.EndsWith(".dll", StringComparison.Ordinal);
        var psi = new ProcessStartInfo(assembly ? "dotnet" : program) { UseShellExecute = false };
        if (assembly)
        {
            psi.ArgumentList.Add(program);
        }

        return psi;
    }

    /// <summary>The rest of the READY line, once printed; fails when the process exits first or the timeout passes.</summary>
    public async Task<string> WaitReadyAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var done = await Task.WhenAny(_readyLine.Task, exited, Task.Delay(timeout));
        return done == _readyLine.Task
            ? await _readyLine.Task
            : throw new InvalidOperationException($"{(_process.StartInfo.FileName == "dotnet" ? _process.StartInfo.ArgumentList[0] : _process.StartInfo.FileName)} did not print '{_readyPrefix}' ({(done == exited ? "it exited" : "timeout")}); see {LogPath}");
    }

    /// <summary>Resident set size and its peak, in bytes, from /proc/PID/status.</summary>
    public (long Rss, long PeakRss) Memory()
    {
        long Field(string[] lines, string name) =>
            long.Parse(lines.First(l => l.StartsWith(name, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        var status = File.ReadAllLines($"/proc/{Id.ToString(CultureInfo.InvariantCulture)}/status");
        return (Field(status, "VmRSS:"), Field(status, "VmHWM:"));
    }

    /// <summary>
    /// CPU time the process has used so far (user + system, from /proc/PID/stat): on a shared machine, a figure that
    /// other processes' load does not inflate the way it inflates wall time.
    /// </summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM first, so that the operator stops its leases and watches as in production.
            using var term = Process.Start("kill", ["-TERM", Id.ToString(CultureInfo.InvariantCulture)]);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        lock (_log)
        {
            _log.Dispose();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith(_readyPrefix, StringComparison.Ordinal))
        {
            _readyLine.TrySetResult(line[_readyPrefix.Length..]);
        }

        lock (_log)
        {
            _log.WriteLine(line);
        }
    }
}
