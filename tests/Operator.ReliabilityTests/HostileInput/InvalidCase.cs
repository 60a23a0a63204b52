using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using EcsOperator.Testing;
using k8s.Models;

namespace EcsOperator.ReliabilityTests.HostileInput;

/// <summary>What a case expects: kubectl refuses it (schema), or the operator stalls it (InvalidSpec) or waits (DependencyNotReady).</summary>
public enum Outcome
{
    Schema,
    InvalidSpec,
    DependencyNotReady,
}

/// <summary>
/// One manifest of tests/cases/invalid. Its header says what must happen:
/// <c># expect: schema|InvalidSpec|DependencyNotReady &lt;text the message contains&gt;</c>, and for a rule the CRD
/// states in CEL, <c># cel: &lt;the rule&gt;</c>. <c>__PAD_n__</c> expands to n bytes and <c>__NEST_n__</c> to JSON
/// nested n deep, so that the 1 MiB and deep cases stay small in the repository.
/// </summary>
public sealed partial record InvalidCase(string File, Outcome Outcome, string Expected, string? CelRule, string Kind, string Name, string Manifest)
{
    public static readonly string Directory = RepositoryRoot.Combine("tests", "cases", "invalid");

    /// <summary>The plural of every kind, from the entity types (so a new kind needs no edit here).</summary>
    public static readonly IReadOnlyDictionary<string, string> PluralByKind = EcsOperator.Entities.EntityKinds.All
        .Select(type => type.GetCustomAttribute<KubernetesEntityAttribute>()!)
        .ToDictionary(entity => entity.Kind, entity => entity.PluralName, StringComparer.Ordinal);

    public string Plural => PluralByKind[Kind];

    public override string ToString() => File;

    public static IReadOnlyList<InvalidCase> LoadAll() =>
        [.. System.IO.Directory.GetFiles(Directory, "*.yaml").Order(StringComparer.Ordinal).Select(Load)];

    public static InvalidCase Load(string path)
    {
        var text = System.IO.File.ReadAllText(path);
        var file = Path.GetFileName(path);
        var expect = ExpectLine().Match(text);
        if (!expect.Success || !Enum.TryParse<Outcome>(expect.Groups["outcome"].Value, ignoreCase: true, out var outcome))
        {
            throw new FormatException($"{file}: the first line must be '# expect: schema|InvalidSpec|DependencyNotReady <text>'");
        }

        var cel = CelLine().Match(text);
        return new InvalidCase(
            file,
            outcome,
            expect.Groups["text"].Value.Trim(),
            cel.Success ? cel.Groups["rule"].Value.Trim() : null,
            KindLine().Match(text).Groups["kind"].Value,
            NameLine().Match(text).Groups["name"].Value,
            Expand(text));
    }

    private static string Expand(string text)
    {
        text = Pad().Replace(text, m => new string('x', int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
        return Nest().Replace(text, m =>
        {
            var depth = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return new StringBuilder().Insert(0, "{\"a\":", depth).Append('1').Append('}', depth).ToString();
        });
    }

    [GeneratedRegex(@"^# expect: (?<outcome>\w+) ?(?<text>.*)$", RegexOptions.Multiline)]
    private static partial Regex ExpectLine();

    [GeneratedRegex(@"^# cel: (?<rule>.+)$", RegexOptions.Multiline)]
    private static partial Regex CelLine();

    [GeneratedRegex(@"^kind: (?<kind>\w+)$", RegexOptions.Multiline)]
    private static partial Regex KindLine();

    [GeneratedRegex(@"^  name: (?<name>\S+)$", RegexOptions.Multiline)]
    private static partial Regex NameLine();

    [GeneratedRegex(@"__PAD_(\d+)__")]
    private static partial Regex Pad();

    [GeneratedRegex(@"__NEST_(\d+)__")]
    private static partial Regex Nest();
}
