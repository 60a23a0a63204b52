using CsCheck;
using EcsOperator.Controllers.Service;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Testing;
using Xunit;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Tests.Controllers.Service;

/// <summary>
/// ServiceDelta over random spec/ECS pairs (CsCheck; a failure prints the shrunk case and the seed to replay it):
/// ECS after the delta's UpdateService and tag calls gives an empty delta, and normalization is idempotent and makes
/// ECS's reordering invisible.
/// </summary>
public sealed class ServiceDeltaPropertyTests
{
    private const string Cluster = "arn:aws:ecs:us-east-1:123456789012:cluster/demo";
    private const int Iterations = 2000;

    private static readonly Gen<string?> Scalars3 = Gen.OneOf<string?>(null, "NONE", "SERVICE", "TASK_DEFINITION");

    private static readonly Gen<NetworkConfiguration?> Network =
        Gen.Select(Subset("subnet-a", "subnet-b", "subnet-c"), Subset("sg-1", "sg-2").Null(0.3), Gen.OneOf<string?>(null, "ENABLED", "DISABLED"),
            (subnets, groups, publicIp) => new NetworkConfiguration { AwsvpcConfiguration = new AwsVpcConfiguration { Subnets = subnets, SecurityGroups = groups, AssignPublicIp = publicIp } })
        .Null(0.3);

    private static readonly Gen<DeploymentConfiguration?> Deployment =
        Gen.Select(Gen.OneOf<int?>(null, 100, 200), Gen.OneOf<int?>(null, 0, 50, 100), Gen.Select(Gen.Bool, Gen.Bool, (enable, rollback) => new DeploymentCircuitBreaker { Enable = enable, Rollback = rollback }).Null(0.4),
            (max, min, breaker) => new DeploymentConfiguration { MaximumPercent = max, MinimumHealthyPercent = min, DeploymentCircuitBreaker = breaker })
        .Null(0.3);

    private static readonly Gen<List<PlacementConstraint>?> Constraints =
        Gen.OneOf(new PlacementConstraint { Type = "distinctInstance" }, new PlacementConstraint { Type = "memberOf", Expression = "attribute:ecs.instance-type =~ t3.*" }).List[0, 2].Null(0.4);

    private static readonly Gen<List<PlacementStrategy>?> Strategies =
        Gen.OneOf(new PlacementStrategy { Type = "spread", Field = "attribute:ecs.availability-zone" }, new PlacementStrategy { Type = "binpack", Field = "memory" }).List[0, 2].Null(0.4);

    private static readonly Gen<List<ServiceRegistry>?> Registries =
        Gen.OneOf(new ServiceRegistry { RegistryArn = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1" }, new ServiceRegistry { RegistryArn = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-2", Port = 80 }).List[0, 2].Null(0.5);

    private static readonly Gen<List<CapacityProviderStrategyItem>?> Capacity =
        Gen.Select(Subset("FARGATE", "FARGATE_SPOT"), Gen.Int[0, 3], Gen.Int[0, 2], (providers, weight, @base) => providers.Select((p, i) => new CapacityProviderStrategyItem { CapacityProvider = p, Weight = weight + i, Base = i == 0 ? @base : 0 }).ToList())
        .Null(0.6);

    private static readonly Gen<Dictionary<string, string>?> Tags =
        Gen.Select(Gen.OneOf("a", "b").Null(0.5), Gen.OneOf("1", "2"), Gen.OneOf("x", "y").Null(0.5), (k1, v, k2) =>
            new[] { k1, k2 }.OfType<string>().Distinct().ToDictionary(k => k, _ => v))
        .Null(0.3);

    private static readonly Gen<ServiceSpec> Spec =
        Gen.Select(
            Gen.Select(Gen.Int[0, 4].Nullable(0.3), Capacity, Gen.OneOf<string?>(null, "LATEST", "1.4.0"), Gen.OneOf<int?>(null, 0, 30), Gen.Bool.Nullable(0.4), Gen.Bool.Nullable(0.4), Scalars3),
            Gen.Select(Gen.OneOf<string?>(null, "ENABLED", "DISABLED"), Deployment, Network, Constraints, Strategies, Registries, Tags),
            (a, b) => new ServiceSpec
            {
                ClusterRef = new() { Name = "demo" },
                TaskDefinitionRef = new() { Name = "web" },
                DesiredCount = a.Item1,
                CapacityProviderStrategy = a.Item2,
                LaunchType = a.Item2 is null ? "FARGATE" : null,
                PlatformVersion = a.Item3,
                HealthCheckGracePeriodSeconds = a.Item4,
                EnableExecuteCommand = a.Item5,
                EnableECSManagedTags = a.Item6,
                PropagateTags = a.Item7,
                AvailabilityZoneRebalancing = b.Item1,
                DeploymentConfiguration = b.Item2,
                NetworkConfiguration = b.Item3,
                PlacementConstraints = b.Item4,
                PlacementStrategy = b.Item5,
                ServiceRegistries = b.Item6,
                Tags = b.Item7,
            });

    private static readonly Gen<List<Ecs.LoadBalancer>> Balancers =
        Gen.OneOf(new Ecs.LoadBalancer { TargetGroupArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/1", ContainerName = "web", ContainerPort = 80 }).List[0, 1];

    /// <summary>A desired service, ECS's service (as ECS echoes some other spec), and the lists the operator managed before.</summary>
    private static readonly Gen<(DesiredService Desired, Ecs.Service Observed, List<string> Managed)> Pair =
        Gen.Select(Spec, Spec, Gen.Int[1, 3], Gen.Int[1, 3], Balancers, Balancers, Subset([.. ServiceDelta.ListFields]),
            (spec, other, revision, runningRevision, wanted, running, managed) => (
                new DesiredService("web", Cluster, $"web:{revision}", wanted, spec),
                Echo(other, runningRevision, running),
                managed));

    [Fact]
    public void Ecs_after_the_delta_gives_an_empty_delta() =>
        Pair.Sample(
            pair =>
            {
                var (desired, observed, managed) = pair;
                var applied = Applied(desired, managed);
                var delta = ServiceDelta.Compute(desired, observed, DesiredTags(desired), applied);

                var after = AfterUpdate(observed, delta);
                var next = ServiceDelta.Compute(desired, after, DesiredTags(desired), Applied(desired, ServiceDelta.ManagedListsAfter(desired, managed, after)));

                Assert.True(next.IsEmpty, $"sent {string.Join(",", delta.Fields)}, then still {string.Join(",", next.Fields)} {(next.Tags.IsEmpty ? string.Empty : "and tags")}");
            },
            iter: Iterations);

    [Fact]
    public void Ecs_reordering_subnets_security_groups_and_tags_changes_no_delta() =>
        Pair.Sample(
            pair =>
            {
                var (desired, observed, managed) = pair;
                var reordered = Reordered(observed);

                var delta = ServiceDelta.Compute(desired, observed, DesiredTags(desired), Applied(desired, managed));
                var again = ServiceDelta.Compute(desired, reordered, DesiredTags(desired), Applied(desired, managed));

                Assert.Equal(delta.Fields, again.Fields);
                Assert.Equal(delta.Tags.ToSet, again.Tags.ToSet);
                Assert.Equal(delta.Tags.ToRemove, again.Tags.ToRemove);
            },
            iter: Iterations);

    [Fact]
    public void Normalization_is_idempotent() =>
        Network.Sample(
            network =>
            {
                var once = ServiceDelta.Normalize(network);

                Assert.True(WireShape.Same(once, ServiceDelta.Normalize(once)));
                Assert.True(WireShape.Same(CanonicalJson.Canonicalize(WireShape.ToNode(once)), CanonicalJson.Canonicalize(CanonicalJson.Canonicalize(WireShape.ToNode(once)))));
            },
            iter: Iterations);

    [Fact]
    public void Revision_is_idempotent_and_equal_for_the_arn_and_the_short_form() =>
        Gen.Int[1, 999].Sample(
            revision =>
            {
                var arn = $"arn:aws:ecs:us-east-1:123456789012:task-definition/web:{revision}";

                Assert.Equal(ServiceDelta.Revision(arn), ServiceDelta.Revision(ServiceDelta.Revision(arn)));
                Assert.True(ServiceDelta.SameTaskDefinition(arn, $"web:{revision}"));
            },
            iter: 200);

    /// <summary>ECS's answer for a service created from <paramref name="spec"/>, carrying the owner's tag.</summary>
    private static Ecs.Service Echo(ServiceSpec spec, int revision, List<Ecs.LoadBalancer> balancers) =>
        AwsEchoes.Service(spec, Cluster, revision, balancers, AwsTags.Merge(spec.Tags, Owner));

    /// <summary>What ECS holds after the delta's UpdateService (the fields it carries replace ECS's) and tag calls.</summary>
    private static Ecs.Service AfterUpdate(Ecs.Service observed, ServiceDelta delta)
    {
        var after = WireShape.Convert<Ecs.Service>(observed)!;
        var update = delta.Update;
        after.DesiredCount = update.DesiredCount ?? after.DesiredCount;
        after.TaskDefinition = update.TaskDefinition ?? after.TaskDefinition;
        if (update.CapacityProviderStrategy is { } strategy)
        {
            after.CapacityProviderStrategy = strategy;
            after.LaunchType = strategy.Count > 0 ? null : after.LaunchType;
        }

        after.PlatformVersion = update.PlatformVersion ?? after.PlatformVersion;
        after.HealthCheckGracePeriodSeconds = update.HealthCheckGracePeriodSeconds ?? after.HealthCheckGracePeriodSeconds;
        after.EnableExecuteCommand = update.EnableExecuteCommand ?? after.EnableExecuteCommand;
        after.EnableECSManagedTags = update.EnableECSManagedTags ?? after.EnableECSManagedTags;
        after.PropagateTags = update.PropagateTags ?? after.PropagateTags;
        after.AvailabilityZoneRebalancing = update.AvailabilityZoneRebalancing ?? after.AvailabilityZoneRebalancing;
        after.DeploymentConfiguration = update.DeploymentConfiguration ?? after.DeploymentConfiguration;
        after.NetworkConfiguration = update.NetworkConfiguration ?? after.NetworkConfiguration;
        after.PlacementConstraints = update.PlacementConstraints ?? after.PlacementConstraints;
        after.PlacementStrategy = update.PlacementStrategy ?? after.PlacementStrategy;
        after.ServiceRegistries = update.ServiceRegistries ?? after.ServiceRegistries;
        after.LoadBalancers = update.LoadBalancers ?? after.LoadBalancers;
        var tags = AwsTags.ToDictionary(after.Tags);
        foreach (var key in delta.Tags.ToRemove)
        {
            tags.Remove(key);
        }

        foreach (var (key, value) in delta.Tags.ToSet)
        {
            tags[key] = value;
        }

        after.Tags = AwsTags.ToList(tags);
        return after;
    }

    private static Ecs.Service Reordered(Ecs.Service observed)
    {
        var copy = WireShape.Convert<Ecs.Service>(observed)!;
        if (copy.NetworkConfiguration?.AwsvpcConfiguration is { } vpc)
        {
            vpc.Subnets?.Reverse();
            vpc.SecurityGroups?.Reverse();
        }

        copy.Tags?.Reverse();
        return copy;
    }

    private static ServiceStatus Applied(DesiredService desired, IEnumerable<string> managed) => new()
    {
        ManagedLists = [.. managed],
        AppliedTagKeys = desired.Spec.Tags?.Keys.Order(StringComparer.Ordinal).ToList(),
    };

    private static Dictionary<string, string> Owner => new() { [WellKnown.OwnerTag] = "ns/Service/web" };

    private static Dictionary<string, string> DesiredTags(DesiredService desired) => AwsTags.Merge(desired.Spec.Tags, Owner);

    /// <summary>A random subset of <paramref name="items"/> in a random order.</summary>
    private static Gen<List<string>> Subset(params string[] items) =>
        Gen.Select(Gen.Bool.Array[items.Length], Gen.Shuffle(items), (keep, order) => order.Where((_, i) => keep[i]).ToList());
}
