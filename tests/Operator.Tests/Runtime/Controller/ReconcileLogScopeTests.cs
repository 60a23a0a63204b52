using EcsOperator.Runtime.Controller;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Testing;
using Microsoft.Extensions.Logging;
using Xunit;

namespace EcsOperator.Tests.Runtime.Controller;

public sealed partial class ReconcileLogScopeTests
{
    [Fact]
    public async Task A_line_logged_during_a_reconcile_names_the_kind_the_object_and_its_generation()
    {
        await using var h = new ControllerHarness();
        var aws = h.LoggerFactory.CreateLogger("EcsOperator.Aws.Ecs");
        h.Reconciler.OnReconcile = (_, widget, _) =>
        {
            LogCreated(aws, widget!.Metadata.Name);
            return Task.FromResult(ReconcileResult.Done);
        };
        var changed = Widget.Create("ns", "a");
        h.Kube.Apply(changed);
        h.Kube.Apply(changed); // generation 2

        await h.StartAsync();

        Assert.True(await Eventually.TrueAsync(() => h.Logs.Lines.Any(l => l.Category == "EcsOperator.Aws.Ecs")));
        var line = h.Logs.Lines.First(l => l.Category == "EcsOperator.Aws.Ecs");
        var scope = Assert.Single(line.Scopes.OfType<ReconcileLogScope>());
        Assert.Equal(("Widget", "ns/a", 2L), (scope.Kind, scope.Object, scope.Generation));
        Assert.Contains(new KeyValuePair<string, object?>("Object", "ns/a"), scope);
    }

    [Fact]
    public async Task No_scope_is_left_open_after_the_reconcile()
    {
        await using var h = new ControllerHarness();
        h.Kube.Apply(Widget.Create("ns", "a"));
        await h.StartAsync();
        Assert.True(await Eventually.TrueAsync(() => h.Reconciler.Reconciles("ns/a") > 0 && h.IsSettled));

        var after = h.LoggerFactory.CreateLogger("after");
        LogOutside(after);

        Assert.Empty(h.Logs.Lines.Single(l => l.Category == "after").Scopes);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CreateCluster {Name}")]
    private static partial void LogCreated(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "outside any reconcile")]
    private static partial void LogOutside(ILogger logger);
}
