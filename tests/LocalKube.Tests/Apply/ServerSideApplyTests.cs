using System.Text.Json.Nodes;
using LocalKube.Apply;
using Xunit;

namespace LocalKube.Tests.Apply;

public class ServerSideApplyTests
{
    private const string Version = "ecs.operator.dev/v1alpha1";
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static JsonObject Obj(string json) => JsonNode.Parse(json)!.AsObject();

    private static JsonObject Applied(string spec) =>
        Obj($$$"""{"apiVersion":"{{{Version}}}","kind":"Service","metadata":{"name":"web","labels":{"app":"web"}},"spec":{{{spec}}}}""");

    private static JsonObject ApplyAs(JsonObject? current, string manager, string spec, bool force = false) =>
        ServerSideApply.Apply(current, new ApplyRequest(Applied(spec), manager, Version, force, string.Empty, Now));

    [Fact]
    public void Creating_by_apply_records_the_applied_fields_in_fieldsV1()
    {
        var created = ApplyAs(null, "kubectl", """{"desiredCount":2,"subnets":["a"]}""");

        var entry = created["metadata"]!["managedFields"]![0]!;
        Assert.Equal("Apply", entry["operation"]!.GetValue<string>());
        Assert.Equal("""{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:desiredCount":{},"f:subnets":{}}}""", entry["fieldsV1"]!.ToJsonString());
    }

    [Fact]
    public void Changing_a_field_another_update_manager_owns_conflicts_with_the_apiservers_message()
    {
        var current = Applied("""{"desiredCount":2}""");
        UpdateTracker.Track(null, current, "kubectl-client-side-apply", Version, string.Empty, Now);

        var error = Assert.Throws<ApplyConflictException>(() => ApplyAs(current, "kubectl", """{"desiredCount":3}"""));

        Assert.Equal(
            "Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using ecs.operator.dev/v1alpha1: .spec.desiredCount",
            error.Status["message"]!.GetValue<string>());
        Assert.Equal(409, error.Status["code"]!.GetValue<int>());
        Assert.Equal(".spec.desiredCount", error.Status["details"]!["causes"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public void Same_values_share_ownership_and_force_takes_it_over()
    {
        var current = ApplyAs(null, "alice", """{"desiredCount":2,"launchType":"FARGATE"}""");

        var shared = ApplyAs(current, "bob", """{"desiredCount":2}""");
        Assert.Equal(2, shared["metadata"]!["managedFields"]!.AsArray().Count);

        var forced = ApplyAs(shared, "bob", """{"desiredCount":5}""", force: true);
        Assert.Equal(5, forced["spec"]!["desiredCount"]!.GetValue<int>());
        var alice = forced["metadata"]!["managedFields"]!.AsArray().Single(e => e!["manager"]!.GetValue<string>() == "alice")!;
        Assert.DoesNotContain("desiredCount", alice["fieldsV1"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_dropped_from_the_applied_config_are_removed_unless_someone_else_owns_them()
    {
        var current = ApplyAs(null, "alice", """{"desiredCount":2,"launchType":"FARGATE","platformVersion":"LATEST"}""");
        current = ApplyAs(current, "bob", """{"platformVersion":"LATEST"}""");

        var next = ApplyAs(current, "alice", """{"desiredCount":2}""");

        Assert.Null(next["spec"]!["launchType"]);
        Assert.Equal("LATEST", next["spec"]!["platformVersion"]!.GetValue<string>());
    }

    [Fact]
    public void Updates_take_changed_fields_from_other_managers()
    {
        var current = ApplyAs(null, "kubectl", """{"desiredCount":2}""");
        var patched = (JsonObject)current.DeepClone();
        patched["spec"]!["desiredCount"] = 4;

        UpdateTracker.Track(current, patched, "kubectl-patch", Version, string.Empty, Now);

        var error = Assert.Throws<ApplyConflictException>(() => ApplyAs(patched, "kubectl", """{"desiredCount":3}"""));
        Assert.Contains("conflict with \"kubectl-patch\" using ecs.operator.dev/v1alpha1: .spec.desiredCount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_write_that_sets_managed_fields_itself_is_left_alone()
    {
        var current = ApplyAs(null, "kubectl", """{"desiredCount":2}""");
        var rewritten = (JsonObject)current.DeepClone();
        rewritten["metadata"]!["managedFields"] = new JsonArray();

        UpdateTracker.Track(current, rewritten, "kubectl", Version, string.Empty, Now);

        Assert.Empty(rewritten["metadata"]!["managedFields"]!.AsArray());
    }
}
