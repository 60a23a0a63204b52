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
}
