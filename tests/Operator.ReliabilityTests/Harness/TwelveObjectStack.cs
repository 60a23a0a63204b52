using EcsOperator.Entities;
using EcsOperator.IntegrationTests.Aws;
using EcsOperator.IntegrationTests.Controllers;
using EcsOperator.Testing;

namespace EcsOperator.ReliabilityTests.Harness;

/// <summary>
/// The scenarios' workload in one namespace: 2 Clusters, 4 TaskDefinitions, 4 Services (Fargate, awsvpc, spread over
/// the clusters) and 2 LoadBalancerBindings with owned target groups and rules on the seeded listener. The update is
/// an image change on every TaskDefinition plus a scale of every Service. AWS names derive from the namespace.
/// </summary>
internal sealed class TwelveObjectStack(string ns, MotoSeed seed, int services = 4, int bindings = 2)
{
    public const string FirstImage = "nginx:1.27";
    public const string SecondImage = "nginx:1.28";

    public string Namespace { get; } = ns;

    public int Services { get; } = services;

    public int Clusters => Math.Min(2, Services);

    public int Bindings { get; } = bindings;

    public int ObjectCount => Clusters + (2 * Services) + Bindings;

    /// <summary>The plain environment values every container carries: the secrets scan must never find them.</summary>
    public IReadOnlyList<string> EnvironmentValues { get; } = [$"envvalue-{Guid.NewGuid():N}", $"dbpassword-{Guid.NewGuid():N}"];

    public string ClusterName(int i) => $"{Namespace}-c{i}";

    public string Family(int i) => $"{Namespace}-t{i}";

    public string ServiceName(int i) => $"{Namespace}-s{i}";

    public IEnumerable<V1alpha1Cluster> ClusterObjects() => Enumerable.Range(0, Clusters).Select(i => new V1alpha1Cluster
    {
        Metadata = new() { Name = $"c{i}", NamespaceProperty = Namespace },
        Spec = new ClusterSpec { ClusterName = ClusterName(i), CapacityProviders = ["FARGATE"] },
    });

    public V1alpha1TaskDefinition TaskDefinition(int i, string image)
    {
        var td = TaskDefinitions.Web(Namespace, Family(i), image, spec => spec.ContainerDefinitions[0].Environment =
            [new NameValuePair { Name = "PLAIN", Value = EnvironmentValues[0] }, new NameValuePair { Name = "DB_PASSWORD", Value = EnvironmentValues[1] }]);
        td.Metadata.Name = $"t{i}";
        return td;
    }

    public V1alpha1Service Service(int i, int desiredCount) => new()
    {
        Metadata = new() { Name = $"s{i}", NamespaceProperty = Namespace },
        Spec = new ServiceSpec
        {
            ServiceName = ServiceName(i),
            ClusterRef = new() { Name = $"c{i % Clusters}" },
            TaskDefinitionRef = new() { Name = $"t{i}" },
            DesiredCount = desiredCount,
            LaunchType = "FARGATE",
            NetworkConfiguration = new() { AwsvpcConfiguration = new() { Subnets = [.. seed.SubnetIds], SecurityGroups = [seed.SecurityGroupId] } },
            DeploymentConfiguration = new() { DeploymentCircuitBreaker = new() { Enable = true, Rollback = true } },
        },
    };

    /// <summary>Binding i routes host b{i}.{namespace}.test to Service i through an owned target group.</summary>
    public V1alpha1LoadBalancerBinding Binding(int i, int priorityBase) => new()
    {
        Metadata = new() { Name = $"b{i}", NamespaceProperty = Namespace },
        Spec = new LoadBalancerBindingSpec
        {
            ServiceRef = new() { Name = $"s{i}" },
            ContainerName = "web",
            ContainerPort = 80,
            TargetGroup = new TargetGroupSpec { Protocol = "HTTP", Port = 80, VpcId = seed.VpcId, TargetType = "ip" },
            Listener = new ListenerRuleSpec { Arn = seed.ListenerArn, Priority = priorityBase + i, HostHeaders = [$"b{i}.{Namespace}.test"] },
        },
    };

    public async Task CreateAsync(KubeObjects objects, int priorityBase = 100)
    {
        await objects.CreateNamespaceAsync(Namespace);
        foreach (var cluster in ClusterObjects())
        {
            await objects.CreateAsync(cluster);
        }

        for (var i = 0; i < Services; i++)
        {
            await objects.CreateAsync(TaskDefinition(i, FirstImage));
            await objects.CreateAsync(Service(i, desiredCount: 1));
        }

        for (var i = 0; i < Bindings; i++)
        {
            await objects.CreateAsync(Binding(i, priorityBase));
        }
    }

    /// <summary>The update phase: a new image (a new revision and a rollout) and one more task per Service.</summary>
    public async Task UpdateAsync(KubeObjects objects)
    {
        for (var i = 0; i < Services; i++)
        {
            await objects.UpdateAsync<V1alpha1TaskDefinition>(Namespace, $"t{i}", td => td.Spec.ContainerDefinitions[0].Image = SecondImage);
            await objects.UpdateAsync<V1alpha1Service>(Namespace, $"s{i}", s => s.Spec.DesiredCount = 2);
        }
    }

    /// <summary>Deletes every object at once, bindings first in the list; the finalizers order the AWS teardown.</summary>
    public async Task DeleteAsync(KubeObjects objects)
    {
        for (var i = 0; i < Bindings; i++)
        {
            await objects.DeleteAsync<V1alpha1LoadBalancerBinding>(Namespace, $"b{i}");
        }

        for (var i = 0; i < Services; i++)
        {
            await objects.DeleteAsync<V1alpha1Service>(Namespace, $"s{i}");
            await objects.DeleteAsync<V1alpha1TaskDefinition>(Namespace, $"t{i}");
        }

        for (var i = 0; i < Clusters; i++)
        {
            await objects.DeleteAsync<V1alpha1Cluster>(Namespace, $"c{i}");
        }
    }

    /// <summary>Every object, as the API server has it now (missing ones are skipped).</summary>
    public async Task<List<IEcsResource>> ReadAllAsync(KubeObjects objects)
    {
        List<IEcsResource> all = [];
        for (var i = 0; i < Clusters; i++)
        {
            all.AddIfPresent(await objects.GetAsync<V1alpha1Cluster>(Namespace, $"c{i}"));
        }

        for (var i = 0; i < Services; i++)
        {
            all.AddIfPresent(await objects.GetAsync<V1alpha1TaskDefinition>(Namespace, $"t{i}"));
            all.AddIfPresent(await objects.GetAsync<V1alpha1Service>(Namespace, $"s{i}"));
        }

        for (var i = 0; i < Bindings; i++)
        {
            all.AddIfPresent(await objects.GetAsync<V1alpha1LoadBalancerBinding>(Namespace, $"b{i}"));
        }

        return all;
    }
}

internal static class ResourceListExtensions
{
    public static void AddIfPresent(this List<IEcsResource> list, IEcsResource? item)
    {
        if (item is not null)
        {
            list.Add(item);
        }
    }
}
