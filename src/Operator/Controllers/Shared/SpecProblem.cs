namespace EcsOperator.Controllers.Shared;

/// <summary>One reason a spec cannot work, naming the field (for example spec.tags["ecs.operator.dev/x"]).</summary>
public sealed record SpecProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";

    /// <summary>The InvalidSpec condition message: every problem, so that one edit can fix them all.</summary>
    public static string Describe(IEnumerable<SpecProblem> problems) => string.Join("; ", problems);
}
