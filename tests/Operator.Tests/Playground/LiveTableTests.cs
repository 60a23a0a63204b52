using EcsOperator.Playground;
using Xunit;

namespace EcsOperator.Tests.Playground;

public sealed class LiveTableTests
{
    private static ObjectState State(string name, string ready, string reason) =>
        new("Cluster", name, ready, reason, "msg", ready == "True", []);

    [Fact]
    public void Redirected_output_gets_a_header_once_then_only_the_rows_that_changed_and_no_control_codes()
    {
        var output = new StringWriter();
        var table = new LiveTable(output, interactive: false, () => int.MaxValue);

        table.Show([State("a", "False", "Creating"), State("b", "False", "Creating")]);
        table.Show([State("a", "False", "Creating"), State("b", "False", "Creating")]);
        table.Show([State("a", "True", "Active"), State("b", "False", "Creating")]);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains("KIND", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^\d\d:\d\d:\d\d Cluster +a +True +Active +msg$", lines[3]);
        Assert.DoesNotContain('\u001b', output.ToString());
    }

    [Fact]
    public void A_terminal_gets_the_whole_table_redrawn_in_place_when_something_changes()
    {
        var output = new StringWriter();
        var table = new LiveTable(output, interactive: true, () => 200);

        table.Show([State("a", "False", "Creating")]);
        table.Show([State("a", "False", "Creating")]);
        var afterUnchanged = output.ToString();
        table.Show([State("a", "True", "Active")]);

        Assert.DoesNotContain('\u001b', afterUnchanged);
        var redraw = output.ToString()[afterUnchanged.Length..];
        Assert.StartsWith("\u001b[2A\u001b[J", redraw, StringComparison.Ordinal);
        Assert.Contains("Active", redraw, StringComparison.Ordinal);
    }

    [Fact]
    public void Terminal_rows_are_cut_to_the_width_so_that_none_wraps()
    {
        var output = new StringWriter();
        var table = new LiveTable(output, interactive: true, () => 40);

        table.Show([new ObjectState("TaskDefinition", "web", "False", "RoleNotFound", new string('x', 200), false, [])]);

        Assert.All(output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries), line => Assert.True(line.Length < 40, line));
    }

    [Fact]
    public void Details_sit_in_one_column_between_ready_and_reason_and_rows_stay_aligned()
    {
        var output = new StringWriter();
        var table = new LiveTable(output, interactive: true, () => 200);

        table.Show(
        [
            new ObjectState("Service", "api", "False", "RollingOut", "1 of 2 tasks running", false, [], "Desired=2 Running=1 Rollout=IN_PROGRESS"),
            new ObjectState("Cluster", "demo", "True", "Synced", "ACTIVE", true, [], "State=ACTIVE"),
        ]);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches(@"^Service +api +False +Desired=2 Running=1 Rollout=IN_PROGRESS +RollingOut +1 of 2 tasks running$", lines[1]);
        Assert.Equal(lines[0].IndexOf("REASON", StringComparison.Ordinal), lines[1].IndexOf("RollingOut", StringComparison.Ordinal));
        Assert.Equal(lines[1].IndexOf("RollingOut", StringComparison.Ordinal), lines[2].IndexOf("Synced", StringComparison.Ordinal));
    }

    [Fact]
    public void Redirected_output_repeats_the_header_when_details_widen_so_that_columns_stay_under_it()
    {
        var output = new StringWriter();
        var table = new LiveTable(output, interactive: false, () => int.MaxValue);

        table.Show([new ObjectState("Cluster", "demo", "-", string.Empty, "waiting", false, [])]);
        table.Show([new ObjectState("Cluster", "demo", "True", "Synced", "ACTIVE", true, [], "Cluster=demo State=ACTIVE Services=0 Running=0")]);

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("TIME", lines[2], StringComparison.Ordinal);
        Assert.Equal(lines[2].IndexOf("REASON", StringComparison.Ordinal), lines[3].IndexOf("Synced", StringComparison.Ordinal));
    }
}
