using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace EcsOperator.Benchmarks.Harness;

/// <summary>The objects the scenarios apply, created through the API server as kubectl would, 8 at a time.</summary>
public sealed class Workload(IKubernetes kube)
{
    private const string Group = "ecs.operator.dev";
    private const string Version = "v1alpha1";
    private const int Parallelism = 8;

    /// <summary>Clusters c0..c{count-1}.</summary>
    public Task ClustersAsync(int count, CancellationToken cancellationToken) =>
        CreateAsync("clusters", count, i => Object("Cluster", $"c{Id(i)}", new JsonObject { ["tags"] = new JsonObject { ["bench"] = "converge" } }), cancellationToken);

    /// <summary>Valid FARGATE task definitions td0..td{count-1}.</summary>
    public Task TaskDefinitionsAsync(int count, CancellationToken cancellationToken) =>
        CreateAsync("taskdefinitions", count, i => Object("TaskDefinition", $"td{Id(i)}", TaskDefinitionSpec("256")), cancellationToken);

    /// <summary>Services s0..s{count-1}, spread round-robin over the clusters and task definitions.</summary>
    public Task ServicesAsync(int count, int clusters, int taskDefinitions, CancellationToken cancellationToken) =>
        CreateAsync("services", count, i => Object("Service", $"s{Id(i)}", ServiceSpec($"c{Id(i % clusters)}", $"td{Id(i % taskDefinitions)}")), cancellationToken);

    /// <summary>
    /// Task definitions that make no AWS call: a FARGATE cpu that does not exist, so validation stalls them (Stalled,
    /// InvalidSpec) and the reconciler stops before AWS. They still live in the informer cache and get a status.
    /// </summary>
    public Task StalledTaskDefinitionsAsync(int first, int count, CancellationToken cancellationToken) =>
        CreateAsync("taskdefinitions", count, i => Object("TaskDefinition", $"stalled{Id(first + i)}", TaskDefinitionSpec("3")), cancellationToken);

    /// <summary>Changes one spec tag of a Cluster: a new generation, so a reconcile with a DescribeClusters and a TagResource.</summary>
    public Task EditClusterAsync(int cluster, int edit, CancellationToken cancellationToken)
    {
        var patch = new JsonObject { ["spec"] = new JsonObject { ["tags"] = new JsonObject { ["edit"] = Id(edit) } } };
        return kube.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), Group, Version, BenchStack.Namespace, "clusters", $"c{Id(cluster)}", cancellationToken: cancellationToken);
    }

    private static string Id(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static JsonObject TaskDefinitionSpec(string cpu) => new()
    {
        ["cpu"] = cpu,
        ["memory"] = "512",
        ["networkMode"] = "awsvpc",
        ["requiresCompatibilities"] = new JsonArray("FARGATE"),
        ["containerDefinitions"] = new JsonArray(new JsonObject
        {
            ["name"] = "app",
            ["image"] = "public.ecr.aws/nginx/nginx:1.27",
            ["essential"] = true,
            ["portMappings"] = new JsonArray(new JsonObject { ["containerPort"] = 80 }),
        }),
    };

    private static JsonObject ServiceSpec(string cluster, string taskDefinition) => new()
    {
        ["clusterRef"] = new JsonObject { ["name"] = cluster },
        ["taskDefinitionRef"] = new JsonObject { ["name"] = taskDefinition },
        ["desiredCount"] = 1,
        ["launchType"] = "FARGATE",
        ["networkConfiguration"] = new JsonObject
        {
            ["awsvpcConfiguration"] = new JsonObject { ["subnets"] = new JsonArray("subnet-0a1b2c3d4e5f60001"), ["assignPublicIp"] = "DISABLED" },
        },
    };

    private static JsonObject Object(string kind, string name, JsonObject spec) => new()
    {
        ["apiVersion"] = $"{Group}/{Version}",
        ["kind"] = kind,
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = BenchStack.Namespace },
        ["spec"] = spec,
    };

    private Task CreateAsync(string plural, int count, Func<int, JsonObject> build, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (i, ct) => await kube.CustomObjects.CreateNamespacedCustomObjectAsync(build(i), Group, Version, BenchStack.Namespace, plural, cancellationToken: ct));
}
