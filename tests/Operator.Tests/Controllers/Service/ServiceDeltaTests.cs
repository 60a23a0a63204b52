using EcsOperator.Controllers.Service;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Testing;
using Xunit;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Tests.Controllers.Service;

/// <summary>
/// ServiceDelta by example: one UpdateService with exactly the fields that differ, a list removed from the spec cleared
/// with [], a field the spec never set left alone, desiredCount unmanaged when omitted, the failed revision held, the
/// switch to a capacity provider strategy (and back to a launch type) forced, and tags through their own calls.
/// </summary>
public sealed class ServiceDeltaTests
{
    private const string Cluster = "arn:aws:ecs:us-east-1:123456789012:cluster/demo";
    private const string Owner = "ns/Service/web";

    private static ServiceSpec Spec() => new()
    {
        ClusterRef = new() { Name = "demo" },
        TaskDefinitionRef = new() { Name = "web" },
        DesiredCount = 2,
        LaunchType = "FARGATE",
        NetworkConfiguration = new() { AwsvpcConfiguration = new() { Subnets = ["subnet-a", "subnet-b"], SecurityGroups = ["sg-1"] } },
        HealthCheckGracePeriodSeconds = 30,
        Tags = new Dictionary<string, string> { ["app"] = "web" },
    };

    /// <summary>ECS's service as created from <paramref name="spec"/> at revision 1.</summary>
    private static Ecs.Service Echo(ServiceSpec spec) =>
        AwsEchoes.Service(spec, Cluster, 1, [], AwsTags.Merge(spec.Tags, OwnerTag));

    private static Dictionary<string, string> OwnerTag => new() { [WellKnown.OwnerTag] = Owner };

    private static ServiceDelta Delta(ServiceSpec spec, Ecs.Service observed, IList<string>? managed = null, int revision = 1, bool hold = false) =>
        ServiceDelta.Compute(
            new DesiredService("web", Cluster, $"web:{revision}", [], spec),
            observed,
            AwsTags.Merge(spec.Tags, OwnerTag),
            new ServiceStatus { ManagedLists = managed, AppliedTagKeys = spec.Tags?.Keys.Order(StringComparer.Ordinal).ToList() },
            hold);

    [Fact]
    public void The_service_ecs_made_from_the_spec_gives_an_empty_delta()
    {
        var spec = Spec();

        Assert.True(Delta(spec, Echo(spec)).IsEmpty);
    }

    [Fact]
    public void One_changed_field_is_the_only_field_of_the_update()
    {
        var observed = Echo(Spec());
        var spec = Spec();
        spec.HealthCheckGracePeriodSeconds = 60;

        var delta = Delta(spec, observed);

        Assert.Equal(["healthCheckGracePeriodSeconds"], delta.Fields);
        Assert.Equal(60, delta.Update.HealthCheckGracePeriodSeconds);
        Assert.Equal(
            (null, null, null, null, null, (bool?)null),
            (delta.Update.DesiredCount, delta.Update.TaskDefinition, delta.Update.NetworkConfiguration, delta.Update.DeploymentConfiguration, delta.Update.PlacementConstraints, delta.Update.ForceNewDeployment));
        Assert.True(delta.Tags.IsEmpty);
    }

    [Fact]
    public void A_list_removed_from_the_spec_is_cleared_with_an_empty_list()
    {
        var before = Spec();
        before.PlacementStrategy = [new() { Type = "spread", Field = "attribute:ecs.availability-zone" }];
        var observed = Echo(before);

        var delta = Delta(Spec(), observed, managed: ["placementStrategy"]);

        Assert.Equal(["placementStrategy"], delta.Fields);
        Assert.Empty(delta.Update.PlacementStrategy!);
    }

    [Fact]
    public void A_list_the_spec_never_set_is_left_as_ecs_has_it()
    {
        var other = Spec();
        other.PlacementStrategy = [new() { Type = "spread", Field = "attribute:ecs.availability-zone" }];
        other.ServiceRegistries = [new() { RegistryArn = "arn:aws:servicediscovery:us-east-1:123456789012:service/srv-1" }];

        var delta = Delta(Spec(), Echo(other), managed: []);

        Assert.True(delta.IsEmpty, string.Join(",", delta.Fields));
        Assert.Null(delta.Update.PlacementStrategy);
    }

    [Fact]
    public void DesiredCount_omitted_from_the_spec_is_not_managed_and_present_is_reverted()
    {
        var observed = Echo(Spec());
        observed.DesiredCount = 5;
        var unmanaged = Spec();
        unmanaged.DesiredCount = null;

        Assert.True(Delta(unmanaged, observed).IsEmpty);
        var managed = Delta(Spec(), observed);
        Assert.Equal(["desiredCount"], managed.Fields);
        Assert.Equal(2, managed.Update.DesiredCount);
    }

    [Fact]
    public void A_new_revision_is_sent_unless_it_is_the_failed_one_held_after_a_rollback()
    {
        var observed = Echo(Spec());

        var rolled = Delta(Spec(), observed, revision: 2);
        Assert.Equal(["taskDefinition"], rolled.Fields);
        Assert.Equal("web:2", rolled.Update.TaskDefinition);
        Assert.True(Delta(Spec(), observed, revision: 2, hold: true).IsEmpty);
        observed.TaskDefinition = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2";
        Assert.True(Delta(Spec(), observed, revision: 2).IsEmpty);
    }

    [Fact]
    public void Switching_from_a_launch_type_to_a_capacity_provider_strategy_forces_a_new_deployment()
    {
        var observed = Echo(Spec());
        var spec = Spec();
        spec.LaunchType = null;
        spec.CapacityProviderStrategy = [new() { CapacityProvider = "FARGATE_SPOT", Weight = 1 }];

        var delta = Delta(spec, observed);

        Assert.Equal(["capacityProviderStrategy"], delta.Fields);
        Assert.Equal("FARGATE_SPOT", Assert.Single(delta.Update.CapacityProviderStrategy!).CapacityProvider);
        Assert.True(delta.Update.ForceNewDeployment);
    }

    [Fact]
    public void A_changed_capacity_provider_strategy_forces_a_new_deployment_as_ecs_requires()
    {
        var running = Spec();
        running.LaunchType = null;
        running.CapacityProviderStrategy = [new() { CapacityProvider = "FARGATE", Weight = 1 }];
        var spec = Spec();
        spec.LaunchType = null;
        spec.CapacityProviderStrategy = [new() { CapacityProvider = "FARGATE", Weight = 1 }, new() { CapacityProvider = "FARGATE_SPOT", Weight = 3 }];

        var delta = Delta(spec, Echo(running), managed: ["capacityProviderStrategy"]);

        Assert.Equal(["capacityProviderStrategy"], delta.Fields);
        Assert.Equal(2, delta.Update.CapacityProviderStrategy!.Count);
        Assert.True(delta.Update.ForceNewDeployment);
        Assert.True(Delta(running, Echo(running), managed: ["capacityProviderStrategy"]).IsEmpty);
    }

    [Fact]
    public void Going_back_from_a_capacity_provider_strategy_to_a_launch_type_sends_an_empty_strategy_and_forces_a_new_deployment()
    {
        var running = Spec();
        running.LaunchType = null;
        running.CapacityProviderStrategy = [new() { CapacityProvider = "FARGATE", Weight = 1 }];

        var delta = Delta(Spec(), Echo(running), managed: ["capacityProviderStrategy"]);

        Assert.Equal(["capacityProviderStrategy"], delta.Fields);
        Assert.NotNull(delta.Update.CapacityProviderStrategy);
        Assert.Empty(delta.Update.CapacityProviderStrategy);
        Assert.True(delta.Update.ForceNewDeployment);

        // ECS back on FARGATE, as ECS reports a launch type: nothing more to send.
        Assert.True(Delta(Spec(), Echo(Spec()), managed: ["capacityProviderStrategy"]).IsEmpty);
    }

    [Fact]
    public void A_launch_type_spec_sends_no_strategy_while_ecs_runs_a_launch_type_whichever_it_is()
    {
        var ec2 = Spec();
        ec2.LaunchType = "EC2";

        Assert.True(Delta(Spec(), Echo(ec2)).IsEmpty);
    }

    [Fact]
    public void Tags_change_through_their_own_calls_and_a_tag_someone_else_set_stays()
    {
        var observed = Echo(Spec());
        observed.Tags!.Add(new Ecs.Tag { Key = "cost-center", Value = "42" });
        var spec = Spec();
        spec.Tags = new Dictionary<string, string> { ["team"] = "a" };

        var delta = ServiceDelta.Compute(
            new DesiredService("web", Cluster, "web:1", [], spec),
            observed,
            AwsTags.Merge(spec.Tags, OwnerTag),
            new ServiceStatus { AppliedTagKeys = ["app"] });

        Assert.False(delta.NeedsUpdateService);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "a" }, delta.Tags.ToSet);
        Assert.Equal(["app"], delta.Tags.ToRemove);
    }

    [Fact]
    public void The_client_token_is_at_most_36_printable_ascii_characters_and_changes_with_the_attempt()
    {
        var uid = Guid.NewGuid().ToString();

        var first = ServiceRequest.ClientToken(uid, 0);

        Assert.InRange(first.Length, 1, 36);
        Assert.All(first, c => Assert.InRange(c, '!', '~'));
        Assert.Equal(first, ServiceRequest.ClientToken(uid, 0));
        Assert.NotEqual(first, ServiceRequest.ClientToken(uid, 1));
        Assert.NotEqual(first, ServiceRequest.ClientToken(Guid.NewGuid().ToString(), 0));
    }

    [Fact]
    public void Create_sends_desiredCount_1_when_the_spec_omits_it_and_none_for_a_daemon()
    {
        var spec = Spec();
        spec.DesiredCount = null;
        var daemon = Spec();
        daemon.DesiredCount = null;
        daemon.SchedulingStrategy = "DAEMON";

        var request = ServiceRequest.Create(new DesiredService("web", Cluster, "web:1", [], spec), OwnerTag, "token");

        Assert.Equal((1, "token", "web:1"), (request.DesiredCount, request.ClientToken, request.TaskDefinition));
        Assert.Null(ServiceRequest.Create(new DesiredService("web", Cluster, "web:1", [], daemon), OwnerTag, "token").DesiredCount);
    }
}
