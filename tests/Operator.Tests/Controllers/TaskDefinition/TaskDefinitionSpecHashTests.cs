using System.Text.Json.Nodes;
using EcsOperator.Controllers.TaskDefinition;
using Xunit;

namespace EcsOperator.Tests.Controllers.TaskDefinition;

public sealed class TaskDefinitionSpecHashTests
{
    private const string Base = """
        {"cpu":"256","memory":"512","networkMode":"awsvpc","requiresCompatibilities":["FARGATE"],
         "containerDefinitions":[{"name":"web","image":"nginx:1.27",
           "environment":[{"name":"A","value":"1"},{"name":"B","value":"2"}],
           "secrets":[{"name":"S1","valueFrom":"arn:1"},{"name":"S2","valueFrom":"arn:2"}],
           "portMappings":[{"containerPort":80}]}]}
        """;

    private static string Hash(string json, string family = "web") =>
        TaskDefinitionSpecHash.Compute(JsonNode.Parse(json)!.AsObject(), family);

    private static string Edit(Action<JsonObject> change)
    {
        var spec = JsonNode.Parse(Base)!.AsObject();
        change(spec);
        return Hash(spec.ToJsonString());
    }

    private static JsonObject Container(JsonObject spec) => spec["containerDefinitions"]![0]!.AsObject();

    [Fact]
    public void Hash_is_stable_and_short_enough_for_a_tag()
    {
        Assert.Equal(Hash(Base), Hash(Base));
        Assert.Matches("^[0-9a-f]{32}$", Hash(Base));
    }

    [Fact]
    public void Reordering_environment_variables_changes_nothing()
    {
        Assert.Equal(Hash(Base), Edit(s => Container(s)["environment"] = JsonNode.Parse("""[{"name":"B","value":"2"},{"name":"A","value":"1"}]""")));
    }

    [Fact]
    public void Reordering_secrets_changes_nothing()
    {
        Assert.Equal(Hash(Base), Edit(s => Container(s)["secrets"] = JsonNode.Parse("""[{"name":"S2","valueFrom":"arn:2"},{"name":"S1","valueFrom":"arn:1"}]""")));
    }

    [Theory]
    [InlineData("essential", "true")]
    [InlineData("mountPoints", "[]")]
    [InlineData("command", "null")]
    public void Writing_out_an_ecs_default_or_an_empty_list_changes_nothing(string field, string value)
    {
        Assert.Equal(Hash(Base), Edit(s => Container(s)[field] = JsonNode.Parse(value)));
    }

    [Fact]
    public void Spelled_out_port_defaults_change_nothing()
    {
        Assert.Equal(Hash(Base), Edit(s => Container(s)["portMappings"] = JsonNode.Parse("""[{"containerPort":80,"hostPort":80,"protocol":"tcp"}]""")));
    }

    [Fact]
    public void Vcpu_and_gb_units_mean_the_same_revision()
    {
        Assert.Equal(Hash(Base), Edit(s =>
        {
            s["cpu"] = "0.25 vCPU";
            s["memory"] = "0.5 GB";
        }));
    }

    [Fact]
    public void Operator_only_fields_are_not_part_of_the_revision()
    {
        Assert.Equal(Hash(Base), Edit(s =>
        {
            s["revisionHistoryLimit"] = 3;
            s["deletionPolicy"] = "Retain";
        }));
    }

    [Fact]
    public void Absent_network_mode_is_bridge_on_linux()
    {
        var bridge = JsonNode.Parse(Base)!.AsObject();
        bridge["networkMode"] = "bridge";
        var absent = JsonNode.Parse(Base)!.AsObject();
        absent.Remove("networkMode");

        Assert.Equal(Hash(bridge.ToJsonString()), Hash(absent.ToJsonString()));
    }

    [Theory]
    [InlineData("image", "\"nginx:1.28\"")]
    [InlineData("essential", "false")]
    [InlineData("environment", """[{"name":"A","value":"changed"},{"name":"B","value":"2"}]""")]
    public void A_real_container_change_is_a_new_revision(string field, string value)
    {
        Assert.NotEqual(Hash(Base), Edit(s => Container(s)[field] = JsonNode.Parse(value)));
    }

    [Fact]
    public void Another_family_is_another_revision()
    {
        Assert.NotEqual(Hash(Base, "web"), Hash(Base, "api"));
    }

    [Fact]
    public void Tags_are_part_of_the_revision()
    {
        Assert.NotEqual(Hash(Base), Edit(s => s["tags"] = new JsonObject { ["team"] = "a" }));
    }

    [Fact]
    public void Normalizing_leaves_the_input_alone()
    {
        var spec = JsonNode.Parse(Base)!.AsObject();
        var before = spec.ToJsonString();

        TaskDefinitionSpecHash.Normalize(spec, "web");

        Assert.Equal(before, spec.ToJsonString());
    }
}
