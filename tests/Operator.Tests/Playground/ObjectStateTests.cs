using System.Text.Json.Nodes;
using EcsOperator.Playground;
using Xunit;

namespace EcsOperator.Tests.Playground;

public sealed class ObjectStateTests
{
    private static readonly AppliedObject Web = new(new ResourceKind("ecs.operator.dev", "v1alpha1", "TaskDefinition", "taskdefinitions", true), "default", "web");

    private static JsonNode Object(long generation, long? observed, string conditions) =>
        JsonNode.Parse($$$"""
            {"metadata": {"name": "web", "generation": {{{generation}}}},
             "status": {"observedGeneration": {{{(observed is null ? "null" : observed.ToString())}}}, "conditions": {{{conditions}}}}}
            """)!;

    [Fact]
    public void Ready_true_for_the_current_generation_is_ready()
    {
        var state = ObjectState.From(Web, Object(3, 3, """[{"type":"Ready","status":"True","reason":"Registered","message":"revision 2"}]"""));

        Assert.True(state.IsReady);
        Assert.Equal(("True", "Registered", "revision 2"), (state.ReadyStatus, state.Reason, state.Message));
    }

    [Fact]
    public void Ready_true_for_an_older_generation_is_not_ready_and_says_which_generations()
    {
        var state = ObjectState.From(Web, Object(3, 2, """[{"type":"Ready","status":"True","reason":"Registered","message":"ok"}]"""));

        Assert.False(state.IsReady);
        Assert.Equal("True", state.ReadyStatus);
        Assert.Contains("generation 2", state.Message, StringComparison.Ordinal);
        Assert.Contains("at 3", state.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stalled_object_shows_why_it_stalled_rather_than_the_ready_reason()
    {
        var state = ObjectState.From(Web, Object(1, 1, """
            [{"type":"Ready","status":"False","reason":"Stalled","message":"see Stalled"},
             {"type":"Stalled","status":"True","reason":"InvalidSpec","message":"spec.cpu: 300 is not a Fargate size"}]
            """));

        Assert.False(state.IsReady);
        Assert.Equal(("False", "InvalidSpec", "spec.cpu: 300 is not a Fargate size"), (state.ReadyStatus, state.Reason, state.Message));
    }

    [Fact]
    public void An_object_with_no_status_yet_is_waiting_for_the_operator()
    {
        var state = ObjectState.From(Web, JsonNode.Parse("""{"metadata": {"name": "web", "generation": 1}}""")!);

        Assert.False(state.IsReady);
        Assert.Equal("-", state.ReadyStatus);
        Assert.Contains("waiting for the operator", state.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_failure_report_lists_every_condition_of_the_object()
    {
        var state = ObjectState.From(Web, Object(1, 1, """
            [{"type":"Ready","status":"False","reason":"RoleNotFound","message":"spec.executionRoleArn: role x does not exist"},
             {"type":"Reconciling","status":"True","reason":"WaitingForRole","message":"re-checking"}]
            """));

        Assert.Equal(
            "TaskDefinition/web: Ready=False RoleNotFound: spec.executionRoleArn: role x does not exist; Reconciling=True WaitingForRole: re-checking",
            state.DescribeConditions());
    }

    [Fact]
    public void A_rollout_in_progress_shows_the_printer_columns_that_have_values_and_the_reconciling_reason()
    {
        StatusColumn[] columns = [new("Service", ".status.serviceName"), new("Desired", ".status.desiredCount"), new("Running", ".status.runningCount"), new("Rollout", ".status.rolloutState"), new("Task Definition", ".status.taskDefinition")];
        var api = new AppliedObject(new ResourceKind("ecs.operator.dev", "v1alpha1", "Service", "services", true, columns), "default", "api");
        var state = ObjectState.From(api, JsonNode.Parse("""
            {"metadata": {"name": "api", "generation": 2},
             "status": {"observedGeneration": 2, "serviceName": "api", "desiredCount": 2, "runningCount": 1, "rolloutState": "IN_PROGRESS",
                        "conditions": [{"type":"Ready","status":"False","reason":"RollingOut","message":"1 of 2 tasks running"},
                                       {"type":"Reconciling","status":"True","reason":"RollingOut","message":"1 of 2 tasks running"}]}}
            """)!);

        Assert.Equal("Service=api Desired=2 Running=1 Rollout=IN_PROGRESS", state.Details);
        Assert.Equal(("False", "RollingOut", "1 of 2 tasks running"), (state.ReadyStatus, state.Reason, state.Message));
    }
}
