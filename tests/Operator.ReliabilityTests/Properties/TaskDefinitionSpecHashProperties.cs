using System.Text.Json.Nodes;
using CsCheck;
using EcsOperator.Controllers.Shared;
using EcsOperator.Controllers.TaskDefinition;
using EcsOperator.Entities;
using Xunit;

namespace EcsOperator.ReliabilityTests.Properties;

/// <summary>
/// The spec hash decides whether a revision is registered (DESIGN.md §5): it must ignore what does not change the
/// revision (env and secret order, ECS's defaults written out or echoed back) and see every real edit.
/// Normalization is a fixed point, so hashing what was normalized once hashes the same.
/// </summary>
public sealed class TaskDefinitionSpecHashProperties
{
    [Fact]
    public void Reordering_env_and_secrets_keeps_the_hash()
    {
        PropertyRuns.Check(Gen.Select(TaskDefinitionGenerators.Spec, Gen.Int), sample =>
        {
            var (spec, seed) = sample;
            var shuffled = Clone(spec);
            var random = new Random(seed);
            foreach (var container in shuffled.ContainerDefinitions)
            {
                container.Environment = container.Environment?.OrderBy(_ => random.Next()).ToList();
                container.Secrets = container.Secrets?.OrderBy(_ => random.Next()).ToList();
            }

            Assert.Equal(Hash(spec), Hash(shuffled));
        }, Print);
    }

    [Fact]
    public void Writing_out_ecs_defaults_and_other_size_spellings_keeps_the_hash()
    {
        PropertyRuns.Check(TaskDefinitionGenerators.Spec, spec => Assert.Equal(Hash(spec), Hash(WithDefaultsWritten(spec))), s => Print((s, 0)));
    }

    [Fact]
    public void Every_real_edit_changes_the_hash()
    {
        PropertyRuns.Check(Gen.Select(TaskDefinitionGenerators.Spec, Gen.Int[0, RealEdits.Count - 1]), sample =>
        {
            var (spec, edit) = sample;
            var edited = Clone(spec);
            RealEdits[edit].Apply(edited);

            Assert.True(Hash(spec) != Hash(edited), $"edit '{RealEdits[edit].Name}' kept the hash");
        }, Print);
    }

    [Fact]
    public void A_new_family_changes_the_hash()
    {
        PropertyRuns.Check(TaskDefinitionGenerators.Spec, spec =>
            Assert.NotEqual(TaskDefinitionRequest.HashOf(spec, "web"), TaskDefinitionRequest.HashOf(spec, "web-2")));
    }

    [Fact]
    public void Normalization_and_canonical_json_are_idempotent()
    {
        PropertyRuns.Check(TaskDefinitionGenerators.Spec, spec =>
        {
            var once = TaskDefinitionSpecHash.Normalize(TaskDefinitionRequest.SpecJson(spec), "web");
            var twice = TaskDefinitionSpecHash.Normalize(once, "web");
            Assert.True(JsonNode.DeepEquals(once, twice), $"{once.ToJsonString()} became {twice.ToJsonString()}");

            var canonical = CanonicalJson.Canonicalize(once);
            Assert.True(JsonNode.DeepEquals(canonical, CanonicalJson.Canonicalize(canonical)));
        });
    }

    private sealed record Edit(string Name, Action<TaskDefinitionSpec> Apply);

    private static readonly IReadOnlyList<Edit> RealEdits =
    [
        new("image", s => s.ContainerDefinitions[0].Image += "-patched"),
        new("container name", s => s.ContainerDefinitions[0].Name += "2"),
        new("essential", s => s.ContainerDefinitions[0].Essential = !(s.ContainerDefinitions[0].Essential ?? true)),
        new("new env var", s => s.ContainerDefinitions[0].Environment = [.. s.ContainerDefinitions[0].Environment ?? [], new NameValuePair { Name = "ADDED", Value = "1" }]),
        new("env value", s => s.ContainerDefinitions[0].Environment = First(s.ContainerDefinitions[0].Environment, new NameValuePair { Name = "X" }, e => e.Value += "!")),
        new("env removed", s => s.ContainerDefinitions[0].Environment = s.ContainerDefinitions[0].Environment is { Count: > 0 } env ? [.. env.Skip(1)] : [new NameValuePair { Name = "ONLY", Value = "v" }]),
        new("secret source", s => s.ContainerDefinitions[0].Secrets = First(s.ContainerDefinitions[0].Secrets, new Secret { Name = "X", ValueFrom = "arn:x" }, e => e.ValueFrom += "-v2")),
        new("container port", s => s.ContainerDefinitions[0].PortMappings = First(s.ContainerDefinitions[0].PortMappings, new PortMapping { ContainerPort = 9999 }, p => p.ContainerPort = (p.ContainerPort % 65535) + 1)),
        new("network mode", s => s.NetworkMode = s.NetworkMode == "awsvpc" ? "bridge" : "awsvpc"),
        new("cpu", s => s.Cpu = FargateSizes.Parse(s.Cpu, "vCPU") == 4096 ? "2048" : "4096"),
        new("memory", s => s.Memory = FargateSizes.Parse(s.Memory, "GB") == 8192 ? "4096" : "8192"),
        new("second container", s => s.ContainerDefinitions.Add(new ContainerDefinition { Name = "added", Image = "busybox" })),
        new("tags", s => s.Tags = new Dictionary<string, string> { ["edited"] = "yes" }),
    ];

    /// <summary>Edits the first item of <paramref name="items"/>, or adds <paramref name="fallback"/> when there is none.</summary>
    private static List<T> First<T>(IList<T>? items, T fallback, Action<T> change)
    {
        if (items is not { Count: > 0 })
        {
            return [fallback];
        }

        change(items[0]);
        return [.. items];
    }

    /// <summary>
    /// The same revision as a user may write it after pasting from DescribeTaskDefinition: ECS's defaults written out
    /// (essential, protocol, hostPort under awsvpc, the network mode), sizes in CPU units and MiB, lists in another order.
    /// </summary>
    private static TaskDefinitionSpec WithDefaultsWritten(TaskDefinitionSpec spec)
    {
        var echo = Clone(spec);
        echo.NetworkMode ??= "bridge";
        echo.Cpu = echo.Cpu is null ? null : FargateSizes.Parse(echo.Cpu, "vCPU")!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        echo.Memory = echo.Memory is null ? null : FargateSizes.Parse(echo.Memory, "GB")!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        echo.RequiresCompatibilities = echo.RequiresCompatibilities?.Reverse().ToList();
        foreach (var container in echo.ContainerDefinitions)
        {
            container.Essential ??= true;
            container.Environment = container.Environment?.AsEnumerable().Reverse().ToList();
            foreach (var port in container.PortMappings ?? [])
            {
                port.Protocol ??= "tcp";
                port.HostPort ??= echo.NetworkMode == "awsvpc" ? port.ContainerPort : null;
            }
        }

        return echo;
    }

    private static string Hash(TaskDefinitionSpec spec) => TaskDefinitionRequest.HashOf(spec, "web");

    private static TaskDefinitionSpec Clone(TaskDefinitionSpec spec) => k8s.KubernetesJson.Deserialize<TaskDefinitionSpec>(k8s.KubernetesJson.Serialize(spec));

    private static string Print((TaskDefinitionSpec Spec, int Extra) sample) => $"{k8s.KubernetesJson.Serialize(sample.Spec)} ({sample.Extra})";
}
