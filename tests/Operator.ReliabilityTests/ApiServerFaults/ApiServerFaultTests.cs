using EcsOperator.Entities;
using EcsOperator.IntegrationTests.Controllers;
using EcsOperator.Testing;
using LocalKube;
using Xunit;

namespace EcsOperator.ReliabilityTests.ApiServerFaults;

/// <summary>
/// Issue 14 scenario 3: LocalKube's faults while a Cluster + TaskDefinition + Service stack runs: watch history expiry
/// (410), all watches dropped, 409 on status writes, 500 on 10 % of requests (seeded), and a restart that keeps the
/// store. An edit goes in during each fault (one while the server is down, straight into its store) and must reach
/// AWS and status.observedGeneration. Rounds: 1 in CI, 5 with ECS_OPERATOR_RELIABILITY_LONG=1.
/// </summary>
public sealed class ApiServerFaultTests(OperatorStack stack) : IClassFixture<OperatorStack>
{
    private static readonly ReliabilityRun Run = ReliabilityRun.FromEnvironment();

    [Fact]
    public async Task Every_edit_made_during_api_server_faults_reaches_aws_and_the_observed_generation()
    {
        Assert.SkipWhen(stack.Kube is null, "API-server faults need LocalKube's fault switches, not a real cluster");
        var kube = stack.Kube!;
        var objects = new ResilientObjects(stack.Objects);
        var names = new ServiceStack(await stack.Objects.CreateNamespaceAsync(TestNames.Unique("apifaults")), TestNames.Unique("apifaults"), TestNames.Unique("apifaults-web"), "web");
        await stack.Objects.CreateAsync(names.Cluster());
        await stack.Objects.CreateAsync(names.TaskDefinition());
        await stack.Objects.CreateAsync(names.Service());
        await stack.Objects.WaitReadyAsync<V1alpha1Service>(names.Namespace, "web");

        var rounds = Run.Iterations(inCi: 1, inLongMode: 5);
        var faults = 0;
        try
        {
            for (var round = 1; round <= rounds; round++)
            {
                faults += await RoundAsync(kube, objects, names, round);
            }
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"API-server faults failed in {Run}", e);
        }
        finally
        {
            kube.Faults.Reset();
        }

        TestContext.Current.SendDiagnosticMessage($"api-server faults: {rounds} round(s), {faults} faults injected, every edit applied ({Run})");
    }

    /// <summary>One pass over the five faults, one edit each; returns how many faults were injected.</summary>
    private async Task<int> RoundAsync(LocalKubeServer kube, ResilientObjects objects, ServiceStack names, int round)
    {
        kube.Faults.ExpireWatchHistory();
        await TagClusterAsync(objects, names, $"expired-{round}");

        kube.Faults.DropAllWatches();
        await RollImageAsync(objects, names, $"nginx:1.{round}-dropped");

        kube.Faults.FailNextWrites(3, 409, statusOnly: true);
        await ScaleAsync(objects, names, 3 + (round % 2));

        kube.Faults.FailRandomRequests(0.1, Run.Seed + round);
        await TagClusterAsync(objects, names, $"errors-{round}");
        kube.Faults.FailRandomRequests(0, 0);

        var image = $"nginx:1.{round}-while-down";
        await kube.RestartAsync(TimeSpan.FromSeconds(2), () => EditWhileDownAsync(kube, names, image), TestContext.Current.CancellationToken);
        await WaitRolledAsync(objects, names, image);
        return 5;
    }

    private async Task TagClusterAsync(ResilientObjects objects, ServiceStack names, string value)
    {
        await objects.UpdateAsync<V1alpha1Cluster>(names.Namespace, "demo", c => c.Spec.Tags = new Dictionary<string, string> { ["phase"] = value });
        await objects.WaitObservedAsync<V1alpha1Cluster>(names.Namespace, "demo", async _ =>
            (await stack.Ecs.ClusterAsync(names.ClusterName))?.Tags.TagMap().GetValueOrDefault("phase") == value, $"tag phase={value} in ECS");
    }

    private async Task RollImageAsync(ResilientObjects objects, ServiceStack names, string image)
    {
        await objects.UpdateAsync<V1alpha1TaskDefinition>(names.Namespace, "web", td => td.Spec.ContainerDefinitions[0].Image = image);
        await WaitRolledAsync(objects, names, image);
    }

    private async Task ScaleAsync(ResilientObjects objects, ServiceStack names, int count)
    {
        await objects.UpdateAsync<V1alpha1Service>(names.Namespace, "web", s => s.Spec.DesiredCount = count);
        await objects.WaitObservedAsync<V1alpha1Service>(names.Namespace, "web", async _ =>
            (await stack.Ecs.ServiceAsync(names.ClusterName, names.ServiceName))?.DesiredCount == count, $"desiredCount {count} in ECS");
    }

    /// <summary>The TaskDefinition has the image, and the ECS service runs a revision with it.</summary>
    private async Task WaitRolledAsync(ResilientObjects objects, ServiceStack names, string image)
    {
        await objects.WaitObservedAsync<V1alpha1TaskDefinition>(names.Namespace, "web", _ => Task.FromResult(true), "the edit observed");
        await objects.WaitObservedAsync<V1alpha1Service>(names.Namespace, "web", async _ =>
        {
            var service = await stack.Ecs.ServiceAsync(names.ClusterName, names.ServiceName);
            var revision = service?.TaskDefinition is { } arn ? await stack.Ecs.RevisionAsync(arn) : null;
            return revision?.TaskDefinition?.ContainerDefinitions?.FirstOrDefault()?.Image == image;
        }, $"the ECS service running {image}");
    }

    /// <summary>An edit that lands while no watch can carry it: the operator must find it when the watches resume.</summary>
    private static Task EditWhileDownAsync(LocalKubeServer kube, ServiceStack names, string image)
    {
        var type = kube.Registry.Find(EntityGroup.Group, EntityGroup.Version, "taskdefinitions")!;
        var current = kube.Service.Get(type, names.Namespace, "web");
        var containers = current["spec"]!["containerDefinitions"]!.DeepClone().AsArray();
        containers[0]!["image"] = image;
        var patch = new System.Text.Json.Nodes.JsonObject { ["spec"] = new System.Text.Json.Nodes.JsonObject { ["containerDefinitions"] = containers } };
        kube.Service.Patch(type, names.Namespace, "web", "application/merge-patch+json", patch.ToJsonString(), null, LocalKube.Storage.WriteOptions.Default with { FieldManager = "reliability-test" });
        return Task.CompletedTask;
    }
}
