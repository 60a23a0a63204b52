using System.Globalization;
using System.Text;
using System.Text.Json;
using EcsOperator.Testing;

namespace EcsOperator.Benchmarks.Harness;

/// <summary>One figure of a run: what, how much, and the target it is held against (if any).</summary>
public sealed record Figure(string Scenario, string Name, double Value, string Unit, string? Target = null, bool? Met = null, string? Note = null);

/// <summary>Every figure of a run, written as JSON (--json), as a markdown table, and appended to docs/performance.md (--record).</summary>
public sealed class Report(HarnessOptions options, IReadOnlyList<string> args)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private readonly List<Figure> _figures = [];
    private readonly List<string> _notes = [];
    private readonly string _loadAtStart = LoadAverage();

    public IReadOnlyList<Figure> Figures => _figures;

    public string Command => "dotnet run -c Release --project tests/Operator.Benchmarks -- " + string.Join(' ', args);

    public void Add(Figure figure)
    {
        _figures.Add(figure);
        Console.WriteLine($"  {figure.Scenario}: {figure.Name} = {Format(figure.Value)} {figure.Unit}{(figure.Met is { } met ? met ? " (met)" : " (MISSED)" : string.Empty)}");
    }

    public void Note(string note)
    {
        _notes.Add(note);
        Console.WriteLine($"  note: {note}");
    }

    public async Task WriteAsync()
    {
        var markdown = Markdown();
        Console.WriteLine();
        Console.WriteLine(markdown);
        if (options.JsonPath is { } path)
        {
            var document = new { command = Command, machine = Machine(), loadAverage = new { start = _loadAtStart, end = LoadAverage() }, options.RateScale, options.Objects, options.Quick, figures = _figures, notes = _notes };
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, Json));
        }

        if (options.Record)
        {
            await File.AppendAllTextAsync(RepositoryRoot.Combine("docs", "performance.md"), "\n" + markdown);
        }
    }

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### Run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"`{Command}`, rate scale ×{Format(options.RateScale)}, N = {options.Objects}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine()}; load average at start {_loadAtStart}, at end {LoadAverage()}.");
        text.AppendLine();
        text.AppendLine("| scenario | figure | value | target | met |");
        text.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var f in _figures)
        {
            var met = f.Met switch { true => "yes", false => "**no**", null => string.Empty };
            text.AppendLine(CultureInfo.InvariantCulture, $"| {f.Scenario} | {f.Name}{(f.Note is null ? string.Empty : $" ({f.Note})")} | {Format(f.Value)} {f.Unit} | {f.Target} | {met} |");
        }

        foreach (var note in _notes)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
        }

        return text.ToString();
    }

    public static string Format(double value) =>
        double.IsNaN(value) ? "n/a" : Math.Abs(value) >= 100 || value == Math.Floor(value) ? value.ToString("#,0", CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : "0";
        var gib = double.Parse(memory, CultureInfo.InvariantCulture) / 1024 / 1024;
        return string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores ({cpu ?? "unknown cpu"}), {gib:0.0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
