using AwsModelGen;

// Regenerates src/Operator/Aws/<Service>/Generated/*.g.cs from the botocore models.
// Usage: dotnet run --project tools/AwsModelGen [-- <repo root> [<botocore data dir>] [--check]]
// With --check nothing is written; the exit code is 1 when a committed file differs (the drift test runs this).
var positional = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
var check = args.Contains("--check");
var root = positional.Count > 0 ? positional[0] : FindRepoRoot();
var botocore = positional.Count > 1 ? positional[1] : BotocoreData.Locate();

var drift = new List<string>();
foreach (var spec in ServiceSpec.All)
{
    var model = ServiceModel.Load(botocore, spec);
    foreach (var (file, text) in Generator.Files(model))
    {
        var path = Path.Combine(root, "src", "Operator", "Aws", spec.Folder, "Generated", file);
        var current = File.Exists(path) ? File.ReadAllText(path) : null;
        if (current == text)
        {
            continue;
        }

        drift.Add(path);
        if (!check)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
        }
    }
}

foreach (var path in drift)
{
    Console.WriteLine((check ? "out of date: " : "wrote: ") + path);
}

return check && drift.Count > 0 ? 1 : 0;

static string FindRepoRoot()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Operator.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("run from inside the repository, or pass its root as the first argument");
}
