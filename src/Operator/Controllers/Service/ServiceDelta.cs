using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Controllers.Service;

/// <summary>
/// What differs between the desired service and ECS's, as one UpdateService carrying exactly the fields that differ,
/// plus the tag changes. Pure: (desired, observed, what was applied before) → changes. A field the spec leaves out is
/// not managed, except a list the operator set before, which is cleared with [].
/// </summary>
public sealed record ServiceDelta(Ecs.UpdateServiceRequest Update, IReadOnlyList<string> Fields, TagChanges Tags)
{
    public bool NeedsUpdateService => Fields.Count > 0;

    public bool IsEmpty => !NeedsUpdateService && Tags.IsEmpty;

    /// <summary>The spec lists that, once set, the operator keeps managing (cleared with [] when removed from the spec).</summary>
    public static IReadOnlyList<string> ListFields { get; } =
        ["placementConstraints", "placementStrategy", "serviceRegistries", "loadBalancers", "capacityProviderStrategy"];

    /// <summary>The delta; <paramref name="holdTaskDefinition"/> is true after ECS rolled back a failed revision, which is then not sent again.</summary>
    public static ServiceDelta Compute(DesiredService desired, Ecs.Service observed, IReadOnlyDictionary<string, string> desiredTags, ServiceStatus applied, bool holdTaskDefinition = false)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(applied);
        var spec = desired.Spec;
        var update = new Ecs.UpdateServiceRequest { Cluster = observed.ClusterArn ?? desired.Cluster, Service = observed.ServiceName ?? desired.Name };
        var fields = new List<string>();
        var managed = applied.ManagedLists ?? [];
        var primary = Primary(observed);

        Scalar(fields, "desiredCount", spec.DesiredCount, observed.DesiredCount, v => update.DesiredCount = v);
        if (!SameTaskDefinition(desired.TaskDefinition, observed.TaskDefinition) && !holdTaskDefinition)
        {
            update.TaskDefinition = desired.TaskDefinition;
            fields.Add("taskDefinition");
        }

        CapacityStrategy(fields, update, spec, observed, managed);
        Scalar(fields, "platformVersion", spec.PlatformVersion, observed.PlatformVersion, v => update.PlatformVersion = v);
        Scalar(fields, "healthCheckGracePeriodSeconds", spec.HealthCheckGracePeriodSeconds, observed.HealthCheckGracePeriodSeconds, v => update.HealthCheckGracePeriodSeconds = v);
        Scalar(fields, "enableExecuteCommand", spec.EnableExecuteCommand, observed.EnableExecuteCommand ?? false, v => update.EnableExecuteCommand = v);
        Scalar(fields, "enableECSManagedTags", spec.EnableECSManagedTags, observed.EnableECSManagedTags ?? false, v => update.EnableECSManagedTags = v);
        Scalar(fields, "propagateTags", spec.PropagateTags, observed.PropagateTags ?? "NONE", v => update.PropagateTags = v);
        Scalar(fields, "availabilityZoneRebalancing", spec.AvailabilityZoneRebalancing, observed.AvailabilityZoneRebalancing, v => update.AvailabilityZoneRebalancing = v);
        Piece<Ecs.DeploymentConfiguration>(fields, "deploymentConfiguration", spec.DeploymentConfiguration, observed.DeploymentConfiguration, v => update.DeploymentConfiguration = v);
        Piece<Ecs.NetworkConfiguration>(fields, "networkConfiguration", Normalize(spec.NetworkConfiguration), Normalize(observed.NetworkConfiguration), v => update.NetworkConfiguration = v);
        Piece<Ecs.ServiceConnectConfiguration>(fields, "serviceConnectConfiguration", spec.ServiceConnectConfiguration, primary?.ServiceConnectConfiguration, v => update.ServiceConnectConfiguration = v);
        List<Ecs.PlacementConstraint>(fields, "placementConstraints", spec.PlacementConstraints, observed.PlacementConstraints, managed, v => update.PlacementConstraints = v);
        List<Ecs.PlacementStrategy>(fields, "placementStrategy", spec.PlacementStrategy, observed.PlacementStrategy, managed, v => update.PlacementStrategy = v);
        List<Ecs.ServiceRegistry>(fields, "serviceRegistries", spec.ServiceRegistries, observed.ServiceRegistries, managed, v => update.ServiceRegistries = v);
        List<Ecs.ServiceVolumeConfiguration>(fields, "volumeConfigurations", spec.VolumeConfigurations, primary?.VolumeConfigurations, managed, v => update.VolumeConfigurations = v);
        List<Ecs.VpcLatticeConfiguration>(fields, "vpcLatticeConfigurations", spec.VpcLatticeConfigurations, primary?.VpcLatticeConfigurations, managed, v => update.VpcLatticeConfigurations = v);
        LoadBalancers(fields, update, desired.LoadBalancers, observed.LoadBalancers ?? [], managed);
        return new ServiceDelta(update, fields, TagChanges.Compute(desiredTags, AwsTags.ToDictionary(observed.Tags), applied.AppliedTagKeys));
    }

    /// <summary>The PRIMARY deployment: the one ECS is rolling to (or has rolled to).</summary>
    public static Ecs.Deployment? Primary(Ecs.Service observed) => observed?.Deployments?.FirstOrDefault(d => d.Status == "PRIMARY");

    /// <summary>The same revision whether written as an ARN or as family:revision.</summary>
    public static bool SameTaskDefinition(string? a, string? b) =>
        a is not null && b is not null && string.Equals(Revision(a), Revision(b), StringComparison.Ordinal);

    /// <summary>"arn:...:task-definition/web:3" or "web:3" → "web:3".</summary>
    public static string Revision(string taskDefinition)
    {
        ArgumentNullException.ThrowIfNull(taskDefinition);
        return taskDefinition[(taskDefinition.LastIndexOf('/') + 1)..];
    }

    /// <summary>
    /// Which list fields the operator manages after this reconcile: those the spec (or a binding) sets, and those it
    /// set before that ECS still reports non-empty, so that a clearing [] is sent until ECS has really cleared them.
    /// </summary>
    public static List<string> ManagedListsAfter(DesiredService desired, IEnumerable<string>? managedBefore = null, Ecs.Service? observed = null)
    {
        ArgumentNullException.ThrowIfNull(desired);
        var spec = desired.Spec;
        var stillInEcs = new Dictionary<string, bool>
        {
            ["placementConstraints"] = observed?.PlacementConstraints is { Count: > 0 },
            ["placementStrategy"] = observed?.PlacementStrategy is { Count: > 0 },
            ["serviceRegistries"] = observed?.ServiceRegistries is { Count: > 0 },
            ["capacityProviderStrategy"] = observed?.CapacityProviderStrategy is { Count: > 0 },
            ["loadBalancers"] = observed?.LoadBalancers is { Count: > 0 },
        };
        var present = new Dictionary<string, bool>
        {
            ["placementConstraints"] = spec.PlacementConstraints is not null,
            ["placementStrategy"] = spec.PlacementStrategy is not null,
            ["serviceRegistries"] = spec.ServiceRegistries is not null,
            ["volumeConfigurations"] = spec.VolumeConfigurations is not null,
            ["vpcLatticeConfigurations"] = spec.VpcLatticeConfigurations is not null,
            ["capacityProviderStrategy"] = spec.CapacityProviderStrategy is not null,
            ["loadBalancers"] = desired.LoadBalancers.Count > 0,
        };
        var kept = (managedBefore ?? []).Where(field => stillInEcs.GetValueOrDefault(field));
        return [.. present.Where(p => p.Value).Select(p => p.Key).Concat(kept).Distinct().Order(StringComparer.Ordinal)];
    }

    private static void Scalar<T>(List<string> fields, string name, T? wanted, T? current, Action<T> set)
    {
        if (wanted is not null && !EqualityComparer<T>.Default.Equals(wanted, current!))
        {
            set(wanted);
            fields.Add(name);
        }
    }

    private static void Piece<TWire>(List<string> fields, string name, object? wanted, object? current, Action<TWire?> set)
        where TWire : class
    {
        if (wanted is not null && !WireSubset.Covers(current, wanted))
        {
            set(WireShape.Convert<TWire>(wanted));
            fields.Add(name);
        }
    }

    private static void List<TWire>(List<string> fields, string name, System.Collections.IEnumerable? wanted, System.Collections.IEnumerable? current, IList<string> managed, Action<List<TWire>> set)
    {
        if (wanted is null)
        {
            if (managed.Contains(name) && current?.GetEnumerator().MoveNext() == true)
            {
                set([]);
                fields.Add(name);
            }

            return;
        }

        if (!WireShape.Same(wanted, current))
        {
            set(WireShape.Convert<List<TWire>>(wanted) ?? []);
            fields.Add(name);
        }
    }

    private static void CapacityStrategy(List<string> fields, Ecs.UpdateServiceRequest update, ServiceSpec spec, Ecs.Service observed, IList<string> managed)
    {
        if (spec.CapacityProviderStrategy is not { } strategy)
        {
            BackToLaunchType(fields, update, spec, observed);
            return;
        }

        var wanted = strategy.Select(s => (s.CapacityProvider, s.Weight ?? 0, s.Base ?? 0)).Order().ToList();
        var current = (observed.CapacityProviderStrategy ?? []).Select(s => (s.CapacityProvider ?? string.Empty, s.Weight ?? 0, s.Base ?? 0)).Order().ToList();
        if (!wanted.SequenceEqual(current))
        {
            update.CapacityProviderStrategy = [.. strategy.Select(s => new Ecs.CapacityProviderStrategyItem { CapacityProvider = s.CapacityProvider, Weight = s.Weight, Base = s.Base })];

            // ECS refuses a switch from a launch type, or a change to a strategy already in use, without a new deployment:
            // "When switching from launch type to capacity provider strategy on an existing service, or making a change
            // to a capacity provider strategy on a service that is already using one, you must force a new deployment."
            update.ForceNewDeployment = true;
            fields.Add("capacityProviderStrategy");
        }
    }

    /// <summary>
    /// spec.launchType while ECS runs a strategy: UpdateService has no launchType member; ECS's way back is an empty
    /// capacityProviderStrategy, which returns the service to the launch type it had before the strategy ("Update the
    /// Auto Scaling group or Fargate capacity provider back to the launch type. Pass an empty list in the
    /// capacityProviderStrategy parameter."). The update starts no deployment by itself, hence forceNewDeployment. If
    /// ECS then reports another launch type than the spec's, the launch type immutability applies.
    /// </summary>
    private static void BackToLaunchType(List<string> fields, Ecs.UpdateServiceRequest update, ServiceSpec spec, Ecs.Service observed)
    {
        if (spec.LaunchType is not null && observed.CapacityProviderStrategy is { Count: > 0 })
        {
            update.CapacityProviderStrategy = [];
            update.ForceNewDeployment = true;
            fields.Add("capacityProviderStrategy");
        }
    }

    private static void LoadBalancers(List<string> fields, Ecs.UpdateServiceRequest update, IReadOnlyList<Ecs.LoadBalancer> wanted, List<Ecs.LoadBalancer> current, IList<string> managed)
    {
        static string Key(Ecs.LoadBalancer lb) => $"{lb.TargetGroupArn}|{lb.LoadBalancerName}|{lb.ContainerName}|{lb.ContainerPort}";
        var same = wanted.Select(Key).Order(StringComparer.Ordinal).SequenceEqual(current.Select(Key).Order(StringComparer.Ordinal));
        if (!same && (wanted.Count > 0 || managed.Contains("loadBalancers")))
        {
            update.LoadBalancers = [.. wanted];
            fields.Add("loadBalancers");
        }
    }

    /// <summary>A network configuration (spec or ECS's) as compared: subnets and security groups are sets, which ECS may reorder.</summary>
    public static Ecs.NetworkConfiguration? Normalize(object? network)
    {
        var wire = WireShape.Convert<Ecs.NetworkConfiguration>(network);
        if (wire?.AwsvpcConfiguration is { } vpc)
        {
            vpc.Subnets = vpc.Subnets?.Order(StringComparer.Ordinal).ToList();
            vpc.SecurityGroups = vpc.SecurityGroups?.Order(StringComparer.Ordinal).ToList();
        }

        return wire;
    }
}
