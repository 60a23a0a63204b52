using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.IntegrationTests.Aws;
using EcsOperator.Testing;
using Xunit;
using static EcsOperator.IntegrationTests.Controllers.LoadBalancerBindings;
using Iam = EcsOperator.Aws.Iam.Model;

namespace EcsOperator.IntegrationTests.Controllers;

/// <summary>
/// config/samples/stack.yaml, applied and deleted with the real kubectl against LocalKube: the four kinds reach Ready,
/// AWS holds what the sample says, and `kubectl delete -f` at once leaves nothing. The sample's IDs are swapped for the
/// ones seeded in moto; its own stack, since the sample's AWS names (cluster demo, family web) are fixed.
/// </summary>
public sealed class StackSampleTests : IAsyncLifetime
{
    private static readonly TimeSpan RolloutTimeout = TimeSpan.FromSeconds(120);

    /// <summary>The sample's task and execution roles must exist: the TaskDefinition controller checks them.</summary>
    private const string AssumedByEcsTasks = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private readonly OperatorStack _stack = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => _stack.InitializeAsync();

    public ValueTask DisposeAsync() => _stack.DisposeAsync();

    [Fact]
    public async Task The_stack_sample_reaches_ready_in_aws_and_kubectl_delete_leaves_nothing()
    {
        var kubectl = new Kubectl(_stack.Kube?.Kubeconfig.Path ?? Environment.GetEnvironmentVariable(OperatorStack.RealClusterVariable)!);
        var ns = await _stack.Objects.CreateNamespaceAsync(TestNames.Unique("stack"));
        var seed = await MotoSeed.CreateAsync(_stack.Moto, Ct);
        foreach (var role in new[] { "ecsTaskExecutionRole", "web-task" })
        {
            await _stack.Iam.CreateRoleAsync(new Iam.CreateRoleRequest { RoleName = role, AssumeRolePolicyDocument = AssumedByEcsTasks }, Ct);
        }

        var manifest = Seeded(await File.ReadAllTextAsync(RepositoryRoot.Combine("config", "samples", "stack.yaml"), Ct), seed);
        await RunOkAsync(kubectl, manifest, "apply", "-n", ns, "-f", "-");

        await _stack.Objects.WaitReadyAsync<V1alpha1Cluster>(ns, "demo");
        await _stack.Objects.WaitReadyAsync<V1alpha1TaskDefinition>(ns, "web");
        await _stack.Objects.WaitReadyAsync<V1alpha1Service>(ns, "web", RolloutTimeout);
        var binding = await _stack.Objects.WaitReadyAsync<V1alpha1LoadBalancerBinding>(ns, "web", RolloutTimeout);
        await AssertAwsAsync(ns, seed, binding);

        await RunOkAsync(kubectl, manifest, "delete", "-n", ns, "-f", "-", "--wait=false");
        await _stack.Objects.WaitGoneAsync<V1alpha1LoadBalancerBinding>(ns, "web");
        await _stack.Objects.WaitGoneAsync<V1alpha1Service>(ns, "web");
        await _stack.Objects.WaitGoneAsync<V1alpha1TaskDefinition>(ns, "web");
        await _stack.Objects.WaitGoneAsync<V1alpha1Cluster>(ns, "demo");

        var ecsService = await _stack.Ecs.ServiceAsync("demo", "web");
        Assert.True(ecsService is null || ecsService.Status == "INACTIVE", $"service is {ecsService?.Status}");
        Assert.Empty(await _stack.Ecs.RevisionArnsAsync("web"));
        Assert.Equal("INACTIVE", (await _stack.Ecs.ClusterAsync("demo"))?.Status);
        Assert.Null(await TargetGroupAsync(_stack.Elb, binding.Status.TargetGroupArn!));
        Assert.Empty(await RulesAsync(_stack.Elb, seed.ListenerArn));
        foreach (var name in new[] { "web", "demo" })
        {
            var reasons = await _stack.Objects.EventReasonsAsync(ns, name, "none-expected");
            Assert.DoesNotContain(reasons, r => ConditionReasons.Stalled.Contains(r));
        }
    }

    /// <summary>The target group with its health check, attributes and tags; the rule; the service's loadBalancers entry.</summary>
    private async Task AssertAwsAsync(string ns, MotoSeed seed, V1alpha1LoadBalancerBinding binding)
    {
        var arn = binding.Status.TargetGroupArn!;
        var group = (await TargetGroupAsync(_stack.Elb, arn))!;
        Assert.Equal(("/", 15, 3, "HTTP", 80, "ip"), (group.HealthCheckPath, group.HealthCheckIntervalSeconds, group.HealthyThresholdCount, group.Protocol, group.Port, group.TargetType));
        Assert.Equal("30", (await AttributesAsync(_stack.Elb, arn))["deregistration_delay.timeout_seconds"]);
        var tags = await TagsAsync(_stack.Elb, arn);
        Assert.Equal(("web", $"{ns}/LoadBalancerBinding/web", OperatorStack.ClusterId), (tags["app"], tags[WellKnown.OwnerTag], tags[WellKnown.ClusterIdTag]));

        var rule = Assert.Single(await RulesAsync(_stack.Elb, seed.ListenerArn));
        Assert.Equal((binding.Status.ListenerRuleArn, "10"), (rule.RuleArn, rule.Priority));
        Assert.Equal(["host-header", "path-pattern"], rule.Conditions!.Select(c => c.Field).Order());
        Assert.Equal(["web.example.com"], rule.Conditions!.Single(c => c.Field == "host-header").HostHeaderConfig?.Values);
        Assert.Equal([arn], rule.Actions!.Select(a => a.TargetGroupArn));

        var ecsService = (await _stack.Ecs.ServiceAsync("demo", "web"))!;
        Assert.Equal((group.TargetGroupName, ecsService.ServiceArn), (binding.Status.TargetGroupName, binding.Status.ServiceArn));
        Assert.Equal([seed.LoadBalancerArn], binding.Status.LoadBalancerArns);
        var entry = Assert.Single(ecsService.LoadBalancers!);
        Assert.Equal((arn, "web", 80), (entry.TargetGroupArn, entry.ContainerName, entry.ContainerPort));
        Assert.Equal((2, 2), (ecsService.DesiredCount, ecsService.RunningCount));
    }

    /// <summary>The sample's placeholder IDs (VPC, subnets, security group, listener, EFS) replaced with the seeded ones.</summary>
    private static string Seeded(string manifest, MotoSeed seed) => manifest
        .Replace("vpc-0a1b2c3d4e5f60000", seed.VpcId, StringComparison.Ordinal)
        .Replace("subnet-0a1b2c3d4e5f60001", seed.SubnetIds[0], StringComparison.Ordinal)
        .Replace("subnet-0a1b2c3d4e5f60002", seed.SubnetIds[1], StringComparison.Ordinal)
        .Replace("sg-0a1b2c3d4e5f60003", seed.SecurityGroupId, StringComparison.Ordinal)
        .Replace("arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/demo/0123456789abcdef/0123456789abcdef", seed.ListenerArn, StringComparison.Ordinal)
        .Replace("fs-0123456789abcdef0", seed.FileSystemId, StringComparison.Ordinal)
        .Replace("fsap-0123456789abcdef0", seed.AccessPointId, StringComparison.Ordinal);

    private static async Task RunOkAsync(Kubectl kubectl, string manifest, params string[] args)
    {
        var result = await kubectl.RunAsync(args, manifest, cancellationToken: Ct);
        Assert.True(result.ExitCode == 0, $"kubectl {string.Join(' ', args)}: {result}");
    }
}
