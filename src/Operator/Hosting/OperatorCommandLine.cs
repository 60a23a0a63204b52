using System.CommandLine;

namespace EcsOperator.Hosting;

/// <summary>The `ecs-operator` command line: `run` (the default), `crds` and `gc`.</summary>
public static class OperatorCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("ecs-operator: keeps AWS ECS converged to Kubernetes custom resources.");
        root.Add(RunCommand.Build());
        root.Add(CrdsCommand.Build());
        root.Add(GcCommand.Build());
        return root;
    }

    public static Task<int> InvokeAsync(string[] args)
    {
        // `run` is the default verb, so that the container's entrypoint works with flags alone.
        var isVerbless = args.Length == 0 || (args[0].StartsWith('-') && args[0] is not ("-h" or "--help" or "-?" or "--version"));
        string[] effective = isVerbless ? ["run", .. args] : args;
        return Build().Parse(effective).InvokeAsync();
    }
}
