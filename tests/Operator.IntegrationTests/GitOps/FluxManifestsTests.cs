using System.Reflection;
using System.Text.Json.Nodes;
using EcsOperator.Entities;
using EcsOperator.Testing;
using k8s.Models;
using LocalKube.Serialization;
using Xunit;

namespace EcsOperator.IntegrationTests.GitOps;

/// <summary>
/// deploy/gitops/flux: Flux's health for the operator's kinds comes from kstatus (`wait: true`), which needs no list
/// of kinds. Should a per-kind list appear (healthChecks or healthCheckExprs), it must name every kind of
/// EntityKinds.All, so that a new kind cannot be left out.
/// </summary>
public sealed class FluxManifestsTests
{
    private static IReadOnlyList<JsonObject> Manifests() =>
        [.. Directory.EnumerateFiles(RepositoryRoot.Combine("deploy", "gitops", "flux"), "*.yaml")
            .SelectMany(file => YamlJson.ParseDocuments(File.ReadAllText(file)))];

    [Fact]
    public void The_Kustomization_waits_for_kstatus_health()
    {
        var kustomization = Assert.Single(Manifests(), m => m["kind"]?.GetValue<string>() == "Kustomization");

        Assert.True(kustomization["spec"]!["wait"]!.GetValue<bool>());
    }

    [Fact]
    public void A_per_kind_Flux_health_list_names_every_kind_of_EntityKinds_All_or_none()
    {
        var named = Manifests()
            .SelectMany(m => new[] { m["spec"]?["healthChecks"], m["spec"]?["healthCheckExprs"] })
            .SelectMany(list => list?.AsArray() ?? [])
            .Where(entry => entry!["apiVersion"]?.GetValue<string>().StartsWith(EntityGroup.Group + "/", StringComparison.Ordinal) == true)
            .Select(entry => entry!["kind"]!.GetValue<string>())
            .ToHashSet();

        if (named.Count > 0)
        {
            Assert.Equal(EntityKinds.All.Select(t => t.GetCustomAttribute<KubernetesEntityAttribute>()!.Kind).Order(), named.Order());
        }
    }
}
