using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Testing;
using k8s;
using k8s.Models;
using Xunit;

namespace EcsOperator.Tests.Controllers.HostileText;

/// <summary>
/// Unicode and control characters in every string field of every kind (issue 14, hostile input): a field AWS
/// constrains is refused with an error naming it, before any AWS call; a free-text field stays valid and reaches
/// AWS byte for byte. The fields come from the entity types and the verdicts from <see cref="StringFieldVerdicts"/>.
/// </summary>
public sealed partial class HostileTextTests
{
    /// <summary>C0 controls (BEL, NUL, a raw newline), and a right-to-left override followed by an astral emoji.</summary>
    public static readonly string[] HostileValues = ["bell\u0007", "nul\u0000", "line\nbreak", "\u202Eevil\U0001F600"];

    public static TheoryData<string> Fields => new(StringFieldVerdicts.All.Keys);

    public static TheoryData<string> PassedThroughFields =>
        new(StringFieldVerdicts.All.Where(entry => entry.Value.Verdict == Verdict.PassedThrough).Select(entry => entry.Key));

    public static TheoryData<string> Kinds => new(HostileSpecs.Kinds);

    [Fact]
    public void Every_string_field_of_every_kind_is_classified()
    {
        var found = EntityKinds.All
            .SelectMany(kind => SpecStringFields.Of(kind).Select(field => $"{kind.Name.Replace("V1alpha1", string.Empty, StringComparison.Ordinal)} {field}"))
            .ToHashSet(StringComparer.Ordinal);

        var unclassified = found.Where(field => !StringFieldVerdicts.All.ContainsKey(field)).Order(StringComparer.Ordinal).ToList();
        var stale = StringFieldVerdicts.All.Keys.Where(field => !found.Contains(KeyedEntry().Replace(field, "{value}"))).ToList();

        Assert.True(unclassified.Count == 0, $"classify these fields in StringFieldVerdicts (refused or passed through, and why):\n{string.Join("\n", unclassified)}");
        Assert.True(stale.Count == 0, $"StringFieldVerdicts names fields the entities no longer have:\n{string.Join("\n", stale)}");
        Assert.True(found.Count > 150, $"only {found.Count} string fields found: the walk over the entity types missed some");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_spec_each_field_is_put_into_is_valid(string kind)
    {
        Assert.Empty(HostileSpecs.Validate(kind, "spec", text: null));
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void Hostile_text_is_refused_naming_the_field_or_left_valid(string field)
    {
        var (kind, template) = Split(field);
        var classification = StringFieldVerdicts.All[field];
        var benign = HostileSpecs.Validate(kind, template, HostileSpecs.BenignText).Select(error => error.Field).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var text in HostileValues)
        {
            var errors = HostileSpecs.Validate(kind, template, text);
            var path = HostileSpecs.ConcretePath(template, text);
            if (classification.Verdict == Verdict.Refused && !errors.Any(error => error.Field == path))
            {
                problems.Add($"{AwsFormats.Quote(text)}: no error names {path} ({classification.Why}); errors: {InvalidSpec.Describe(errors)}");
            }

            var added = errors.Where(error => !benign.Contains(error.Field)).ToList();
            if (classification.Verdict == Verdict.PassedThrough && added.Count > 0)
            {
                problems.Add($"{AwsFormats.Quote(text)} is free text ({classification.Why}) but was refused: {InvalidSpec.Describe(added)}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(PassedThroughFields))]
    public async Task Free_text_reaches_AWS_byte_for_byte(string field)
    {
        var (kind, template) = Split(field);
        foreach (var text in HostileValues)
        {
            var body = await HostileSpecs.SentBodyAsync(kind, template, text, TestContext.Current.CancellationToken);

            var sent = Strings(JsonNode.Parse(body)).ToList();

            Assert.True(sent.Contains(text, StringComparer.Ordinal), $"{field}: {AwsFormats.Quote(text)} is not in the request body {body}");
        }
    }

    [Fact]
    public void An_error_on_an_awslogs_option_names_the_option()
    {
        var errors = HostileSpecs.Validate("TaskDefinition", "spec.containerDefinitions[].logConfiguration.options[awslogs-group]", "/ecs/web\u0007");

        var error = Assert.Single(errors, error => error.Field.Contains("awslogs", StringComparison.Ordinal));
        Assert.Equal("spec.containerDefinitions[0].logConfiguration.options[awslogs-group]", error.Field);
        Assert.Contains(@"/ecs/web\u0007", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_samples_pass_the_text_checks()
    {
        var types = EntityKinds.All.ToDictionary(type => EntityGroup.ApiVersion + "/" + type.GetCustomAttribute<KubernetesEntityAttribute>()!.Kind);
        var samples = Directory.GetFiles(RepositoryRoot.Combine("config", "samples"), "*.yaml", SearchOption.AllDirectories);

        var refused = samples
            .SelectMany(file => KubernetesYaml.LoadAllFromString(File.ReadAllText(file), types, strict: true).OfType<IEcsResource>()
                .SelectMany(o => SpecText.Check(o.GetType().GetProperty("Spec")!.GetValue(o)!, "spec").Select(error => $"{Path.GetFileName(file)} {o.Kind}/{o.Metadata.Name}: {error}")))
            .ToList();

        Assert.True(samples.Length > 0 && refused.Count == 0, string.Join("\n", refused));
    }

    private static (string Kind, string Template) Split(string field) => (field[..field.IndexOf(' ', StringComparison.Ordinal)], field[(field.IndexOf(' ', StringComparison.Ordinal) + 1)..]);

    /// <summary>Every key and string value in a JSON document.</summary>
    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(pair => Strings(pair.Value).Prepend(pair.Key)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    [GeneratedRegex(@"\[[^\]]+\]$")]
    private static partial Regex KeyedEntry();
}
