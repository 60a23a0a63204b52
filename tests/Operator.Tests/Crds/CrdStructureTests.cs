using System.Text.Json.Nodes;
using EcsOperator.Testing;
using EcsOperator.Tests.Entities;
using Xunit;

namespace EcsOperator.Tests.Crds;

/// <summary>What `kubectl get`, `kubectl explain` and the API server see in each committed CRD file.</summary>
public sealed class CrdStructureTests
{
    private static readonly Dictionary<string, (string Plural, string ShortName, string AwsNameColumn)> Kinds = new()
    {
        ["Cluster"] = ("clusters", "ecsc", "Cluster"),
        ["TaskDefinition"] = ("taskdefinitions", "ecstd", "Family"),
        ["Service"] = ("services", "ecss", "Service"),
        ["LoadBalancerBinding"] = ("loadbalancerbindings", "ecslbb", "TargetGroup"),
    };

    public static TheoryData<string> KindNames => new(Kinds.Keys);

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Crd_schema_is_structural_and_every_field_is_described(string kind)
    {
        var schema = Version(Load(kind))["schema"]!["openAPIV3Schema"]!.AsObject();

        var problems = StructuralSchema.Problems(schema);

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Crd_is_a_namespaced_v1alpha1_kind_with_the_status_subresource(string kind)
    {
        var crd = Load(kind);

        Assert.Equal("apiextensions.k8s.io/v1", (string?)crd["apiVersion"]);
        Assert.Equal($"{Kinds[kind].Plural}.ecs.operator.dev", (string?)crd["metadata"]!["name"]);
        Assert.Equal("Namespaced", (string?)crd["spec"]!["scope"]);
        Assert.Equal("v1alpha1", (string?)Version(crd)["name"]);
        Assert.True((bool)Version(crd)["served"]! && (bool)Version(crd)["storage"]!);
        Assert.IsType<JsonObject>(Version(crd)["subresources"]?["status"]);
    }

    [Theory]
    [InlineData("Cluster", false)]
    [InlineData("TaskDefinition", true)]
    [InlineData("Service", true)]
    [InlineData("LoadBalancerBinding", true)]
    public void Spec_is_required_only_where_it_has_a_required_field_or_a_rule(string kind, bool required)
    {
        var schema = Version(Load(kind))["schema"]!["openAPIV3Schema"]!;

        var requiredFields = schema["required"]?.AsArray().Select(n => (string?)n) ?? [];

        Assert.Equal(required, requiredFields.Contains("spec"));
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Crd_has_its_short_name_and_the_ecs_categories(string kind)
    {
        var names = Load(kind)["spec"]!["names"]!;

        Assert.Equal([Kinds[kind].ShortName], names["shortNames"]!.AsArray().Select(name => (string)name!));
        Assert.Equal(["ecs", "all-ecs"], names["categories"]!.AsArray().Select(name => (string)name!));
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Crd_prints_Ready_first_the_aws_name_and_Age_last(string kind)
    {
        var columns = Version(Load(kind))["additionalPrinterColumns"]!.AsArray().Select(column => column!.AsObject()).ToList();

        Assert.Equal("Ready", (string?)columns[0]["name"]);
        Assert.Equal(".status.conditions[?(@.type==\"Ready\")].status", (string?)columns[0]["jsonPath"]);
        Assert.Contains(columns, column => (string?)column["name"] == Kinds[kind].AwsNameColumn && column["priority"] is null);
        Assert.Equal("Age", (string?)columns[^1]["name"]);
        Assert.Equal(".metadata.creationTimestamp", (string?)columns[^1]["jsonPath"]);
        Assert.True(columns.Count >= 4, "Ready, the AWS name, a count or state, and Age");
    }

    [Theory]
    [InlineData("Cluster", 48)]
    [InlineData("Service", 48)]
    [InlineData("LoadBalancerBinding", 48)]
    [InlineData("TaskDefinition", 47)]
    public void Tags_leave_room_for_the_operators_own_tags_within_the_AWS_limit_of_50(string kind, int maxUserTags)
    {
        var tags = Version(Load(kind))["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!["properties"]!["tags"]!;

        Assert.Equal(maxUserTags, (long)tags["maxProperties"]!);
        Assert.Equal(256L, (long)tags["additionalProperties"]!["maxLength"]!);
    }

    [Fact]
    public void Structural_check_flags_untyped_nodes_and_properties_beside_additionalProperties()
    {
        var broken = JsonNode.Parse("""
            {"type":"object","properties":{"spec":{"description":"d","properties":{"a":{"description":"d"}},
             "additionalProperties":{"type":"string"}}}}
            """)!.AsObject();

        var problems = StructuralSchema.Problems(broken);

        Assert.Contains("openAPIV3Schema.spec has no type", problems);
        Assert.Contains("openAPIV3Schema.spec has both properties and additionalProperties", problems);
        Assert.Contains("openAPIV3Schema.spec.a has no type", problems);
    }

    [Fact]
    public async Task Kustomize_builds_the_four_crds_from_config_crds()
    {
        var kubectl = ExternalTools.RequireKubectl();

        var result = await ProcessRunner.RunAsync(kubectl, ["kustomize", RepositoryRoot.Combine("config", "crds")],
            timeout: TimeSpan.FromSeconds(60), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, result.ToString());
        var kinds = YamlTree.LoadAll(result.StdOut).Select(document => (string?)document["spec"]!["names"]!["kind"]);
        Assert.Equal(Kinds.Keys.Order(), kinds.Order()!);
    }

    private static JsonObject Load(string kind) =>
        YamlTree.LoadAll(File.ReadAllText(RepositoryRoot.Combine("config", "crds", $"ecs.operator.dev_{Kinds[kind].Plural}.yaml"))).Single();

    private static JsonObject Version(JsonObject crd) => crd["spec"]!["versions"]!.AsArray().Single()!.AsObject();
}
