using EcsOperator.Testing;

namespace EcsOperator.IntegrationTests.Image;

/// <summary>
/// The repository's Dockerfile, with its build stage replayed once per test run (<see cref="BuildStageReplay"/>):
/// the exact restore and publish commands of the image, into a temp folder. The runtime stage says how to run the
/// result: its USER, ENV, ENTRYPOINT and CMD.
/// </summary>
public sealed class PublishedImage
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PublishedImage? _built;

    private PublishedImage(DockerStage runtime, string appDirectory)
    {
        Runtime = runtime;
        AppDirectory = appDirectory;
    }

    public static string DockerfilePath => RepositoryRoot.Combine("Dockerfile");

    public DockerStage Runtime { get; }

    /// <summary>The host folder holding what the runtime stage copies from the build stage.</summary>
    public string AppDirectory { get; }

    /// <summary>The runtime stage's WORKDIR, where <see cref="AppDirectory"/> sits in the image.</summary>
    public string ImageAppPath => Runtime.Last("WORKDIR")!.Arguments;

    /// <summary>ENTRYPOINT then CMD, exec form, with image paths under <see cref="ImageAppPath"/> mapped to the host copy.</summary>
    public IReadOnlyList<string> Command =>
        [.. Runtime.Last("ENTRYPOINT")!.ExecForm!.Concat(Runtime.Last("CMD")?.ExecForm ?? [])
            .Select(arg => arg.StartsWith(ImageAppPath + "/", StringComparison.Ordinal) ? AppDirectory + arg[ImageAppPath.Length..] : arg)];

    public static IReadOnlyList<DockerStage> Stages() => DockerfileModel.Parse(File.ReadAllText(DockerfilePath));

    public static async Task<PublishedImage> GetAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            return _built ??= await BuildAsync(cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<PublishedImage> BuildAsync(CancellationToken cancellationToken)
    {
        var stages = Stages();
        var runtime = stages[^1];
        var copy = runtime.All("COPY").Single(c => c.Arguments.StartsWith("--from=", StringComparison.Ordinal)).Arguments.Split(' ');
        var build = stages.Single(s => s.Name == copy[0]["--from=".Length..]);

        var root = Directory.CreateTempSubdirectory("ecs-operator-image-");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(root);
        var replay = new BuildStageReplay(RepositoryRoot.Path, root.FullName);
        await replay.RunAsync(build, cancellationToken);
        return new PublishedImage(runtime, replay.Map(copy[1]));
    }

    /// <summary>At exit, a leftover temp folder is not worth a crash of the test host.</summary>
    private static void DeleteQuietly(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
