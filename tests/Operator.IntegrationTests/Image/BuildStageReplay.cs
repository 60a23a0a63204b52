using EcsOperator.Testing;

namespace EcsOperator.IntegrationTests.Image;

/// <summary>
/// Runs a Dockerfile build stage on this machine, with no container engine: a folder stands for the stage's
/// filesystem; COPY takes files from the build context (minus .dockerignore) into it; RUN runs the `dotnet` command
/// as written, with container paths mapped into the folder; ARG declares one of the platform arguments that BuildKit
/// sets (TARGETARCH: this machine's architecture, since the replay builds for it). Anything else in the stage is
/// refused, so that what the tests run cannot drift from what `docker build` runs.
/// </summary>
public sealed class BuildStageReplay(string context, string root)
{
    private readonly DockerIgnore _ignore = DockerIgnore.Load(context);
    private readonly Dictionary<string, string> _args = [];
    private string _workdir = "/";

    /// <summary>The host folder that stands for <paramref name="containerPath"/> in the stage's filesystem.</summary>
    public string Map(string containerPath) => Path.Combine(root, Resolve(containerPath).TrimStart('/'));

    public async Task RunAsync(DockerStage stage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stage);
        foreach (var instruction in stage.Instructions)
        {
            switch (instruction.Keyword)
            {
                case "WORKDIR":
                    _workdir = Resolve(instruction.Arguments);
                    Directory.CreateDirectory(Map(_workdir));
                    break;
                case "COPY":
                    Copy(instruction.Arguments.Split(' '));
                    break;
                case "ARG":
                    _args[instruction.Arguments] = PlatformArgument(instruction.Arguments);
                    break;
                case "RUN":
                    await RunDotnetAsync(Expand(instruction.Arguments), cancellationToken);
                    break;
                default:
                    throw new NotSupportedException($"{instruction.Keyword} in stage {stage.Name}: the replay knows WORKDIR, COPY, ARG TARGETARCH and RUN dotnet only");
            }
        }
    }

    /// <summary>The value BuildKit gives a predefined platform argument when building for this machine.</summary>
    private static string PlatformArgument(string name) => name switch
    {
        "TARGETARCH" => System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
        {
            System.Runtime.InteropServices.Architecture.X64 => "amd64",
            System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
            var other => throw new NotSupportedException($"ARG TARGETARCH: no Docker name for {other}"),
        },
        _ => throw new NotSupportedException($"ARG {name}: the replay knows the platform argument TARGETARCH only"),
    };

    private string Expand(string command) =>
        _args.Aggregate(command, (text, arg) => text.Replace("$" + arg.Key, arg.Value, StringComparison.Ordinal));

    private string Resolve(string containerPath) =>
        containerPath.StartsWith('/') ? containerPath : $"{_workdir.TrimEnd('/')}/{containerPath}";

    private void Copy(IReadOnlyList<string> words)
    {
        if (words.Any(w => w.StartsWith("--", StringComparison.Ordinal)))
        {
            throw new NotSupportedException($"COPY {string.Join(' ', words)}: flags are not replayed in a build stage");
        }

        var destination = Map(words[^1]);
        foreach (var source in words.SkipLast(1))
        {
            var from = Path.Combine(context, source);
            if (Directory.Exists(from))
            {
                CopyDirectory(from, destination);
            }
            else
            {
                Directory.CreateDirectory(destination);
                File.Copy(from, Path.Combine(destination, Path.GetFileName(from)), overwrite: true);
            }
        }
    }

    private void CopyDirectory(string from, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            if (_ignore.Excludes(Path.GetRelativePath(context, file)))
            {
                continue;
            }

            var target = Path.Combine(destination, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    private async Task RunDotnetAsync(string command, CancellationToken cancellationToken)
    {
        var words = command.Split(' ');
        if (words[0] != "dotnet" || command.IndexOfAny(['&', '|', ';', '"', '\'', '$', '`']) >= 0)
        {
            throw new NotSupportedException($"RUN {command}: the replay runs plain `dotnet ...` commands only");
        }

        var args = words.Skip(1).Select(w => w.StartsWith('/') ? Map(w) : w).ToList();
        var run = await ProcessRunner.RunAsync("dotnet", args, workingDirectory: Map(_workdir), timeout: TimeSpan.FromMinutes(8), cancellationToken: cancellationToken);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"RUN {command} failed: {run}");
        }
    }
}

/// <summary>The build context's .dockerignore, for the patterns this repository uses: `**/name/` and `name/`.</summary>
public sealed class DockerIgnore(IReadOnlyList<string> patterns)
{
    public static DockerIgnore Load(string context)
    {
        var file = Path.Combine(context, ".dockerignore");
        var lines = File.Exists(file) ? File.ReadAllLines(file) : [];
        return new DockerIgnore(lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.TrimEnd('/')).ToList());
    }

    public bool Excludes(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var segments = relativePath.Split(Path.DirectorySeparatorChar);
        return patterns.Any(p => p.StartsWith("**/", StringComparison.Ordinal)
            ? segments.SkipLast(1).Contains(p[3..])
            : relativePath == p || relativePath.StartsWith(p + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }
}
