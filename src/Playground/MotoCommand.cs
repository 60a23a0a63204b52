using System.Diagnostics;

namespace EcsOperator.Playground;

/// <summary>How to start moto's server on this machine: <c>moto_server</c> on PATH, else <c>python3 -m moto.server</c>.</summary>
public sealed record MotoCommand(string FileName, IReadOnlyList<string> Arguments)
{
    public const string InstallHint = "moto is not installed: pip install 'moto[server]' (looked for moto_server on PATH and python3 -m moto.server)";

    /// <summary>The first way of starting moto that works here, or null when moto is not installed.</summary>
    public static async Task<MotoCommand?> LocateAsync(CancellationToken cancellationToken = default)
    {
        var server = FindOnPath("moto_server");
        if (server is not null)
        {
            return new MotoCommand(server, []);
        }

        var python = FindOnPath("python3");
        if (python is not null && await CanImportMotoServerAsync(python, cancellationToken))
        {
            return new MotoCommand(python, ["-m", "moto.server"]);
        }

        return null;
    }

    /// <summary>
    /// The Python that has boto3 for seeding: the interpreter in moto_server's shebang when it names one (moto
    /// installed with pipx or in a virtualenv), else python3 on PATH. Null when there is none.
    /// </summary>
    public static string? FindPython()
    {
        var server = FindOnPath("moto_server");
        if (server is not null)
        {
            using var reader = new StreamReader(server);
            var first = reader.ReadLine() ?? string.Empty;
            var interpreter = first.StartsWith("#!", StringComparison.Ordinal) ? first[2..].Trim() : string.Empty;
            if (Path.GetFileName(interpreter).StartsWith("python", StringComparison.Ordinal) && File.Exists(interpreter))
            {
                return interpreter;
            }
        }

        return FindOnPath("python3");
    }

    /// <summary>The absolute path of an executable on PATH, or null.</summary>
    public static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
    }

    private static async Task<bool> CanImportMotoServerAsync(string python, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(python) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("import moto.server");
        using var process = Process.Start(psi);
        if (process is null)
        {
            return false;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            return process.ExitCode == 0;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            return false; // an import that hangs for 30 s is no usable moto
        }
    }
}
