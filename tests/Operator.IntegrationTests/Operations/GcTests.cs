using EcsOperator.Aws;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Gc;
using EcsOperator.IntegrationTests.Aws;
using EcsOperator.IntegrationTests.Controllers;
using EcsOperator.Testing;
using Xunit;
using Ecs = EcsOperator.Aws.Ecs.Model;
using Elb = EcsOperator.Aws.ElasticLoadBalancingV2.Model;

namespace EcsOperator.IntegrationTests.Operations;

/// <summary>
/// `ecs-operator gc` against the operator's own stack: a Cluster, TaskDefinition and Service made through the operator
/// (owned), orphans planted in moto with the operator's tags naming objects that do not exist (an ECS cluster, a task
/// definition revision, a target group and a listener rule forwarding to it), and a resource of another cluster-id.
/// The stack is this class's alone, so the account holds nothing else. gc runs in process, through the fault proxy.
/// </summary>
public sealed class GcTests(OperatorStack stack) : IClassFixture<OperatorStack>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Gc_reports_exactly_the_orphans_and_with_confirm_deletes_them_and_nothing_owned()
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("gc"));
        var owned = new ServiceStack(ns, TestNames.Unique("gc-cl"), TestNames.Unique("gc-td"), TestNames.Unique("gc-svc"));
        await stack.Objects.CreateAsync(owned.Cluster());
        await stack.Objects.CreateAsync(owned.TaskDefinition());
        await stack.Objects.CreateAsync(owned.Service());
        var service = await stack.Objects.WaitReadyAsync<V1alpha1Service>(ns, "web", TimeSpan.FromSeconds(90));
        var revision = (await stack.Objects.GetAsync<V1alpha1TaskDefinition>(ns, "web"))!.Status.Arn!;
        var planted = await PlantAsync(ns);

        var report = await GcAsync(confirm: false);

        Assert.Equal(0, report.ExitCode);
        Assert.Equal(planted.Orphans.Order(), ReportedArns(report.Output).Order());
        Assert.Contains($"no object {ns}/Cluster/gone exists", report.Output, StringComparison.Ordinal);
        Assert.Equal("ACTIVE", (await stack.Ecs.ClusterAsync(planted.Cluster))!.Status); // reporting deletes nothing
        Assert.NotNull(await LoadBalancerBindings.TargetGroupAsync(stack.Elb, planted.TargetGroup));

        var deletions = await GcAsync(confirm: true);

        Assert.Equal(0, deletions.ExitCode);
        Assert.Contains("4 deleted, 0 failed.", deletions.Output, StringComparison.Ordinal);
        Assert.Equal("INACTIVE", (await stack.Ecs.ClusterAsync(planted.Cluster))?.Status ?? "INACTIVE");
        Assert.Null(await LoadBalancerBindings.TargetGroupAsync(stack.Elb, planted.TargetGroup));
        Assert.DoesNotContain(planted.Rule, (await LoadBalancerBindings.RulesAsync(stack.Elb, planted.Listener)).Select(r => r.RuleArn));
        Assert.NotEqual("ACTIVE", await RevisionStatusAsync(planted.Revision));

        Assert.Equal("ACTIVE", (await stack.Ecs.ClusterAsync(owned.ClusterName))!.Status);
        Assert.Equal("ACTIVE", (await stack.Ecs.ServiceAsync(owned.ClusterName, owned.ServiceName))!.Status);
        Assert.Equal("ACTIVE", await RevisionStatusAsync(revision));
        Assert.Equal("ACTIVE", (await stack.Ecs.ClusterAsync(planted.ForeignCluster))!.Status);
        Assert.Equal(service.Status.Arn, (await stack.Ecs.ServiceAsync(owned.ClusterName, owned.ServiceName))!.ServiceArn);

        var again = await GcAsync(confirm: false);
        Assert.Contains("No orphaned AWS resources", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retained_resource_is_listed_with_a_warning_and_removing_its_tags_keeps_it_out_of_gc()
    {
        var ns = await stack.Objects.CreateNamespaceAsync(TestNames.Unique("gc-retain"));
        var name = TestNames.Unique("gc-kept");
        await stack.Objects.CreateAsync(new V1alpha1Cluster
        {
            Metadata = new() { Name = "kept", NamespaceProperty = ns },
            Spec = new ClusterSpec { ClusterName = name, DeletionPolicy = DeletionPolicy.Retain },
        });
        var arn = (await stack.Objects.WaitReadyAsync<V1alpha1Cluster>(ns, "kept")).Status.Arn!;
        await stack.Objects.DeleteAsync<V1alpha1Cluster>(ns, "kept");
        await stack.Objects.WaitGoneAsync<V1alpha1Cluster>(ns, "kept");

        var report = await GcAsync(confirm: false);

        // Retain strips no tag, so gc cannot tell it from a failed teardown's leftover: the report says so before --confirm.
        Assert.Contains(arn, ReportedArns(report.Output));
        Assert.Contains("deletionPolicy: Retain", report.Output, StringComparison.Ordinal);
        Assert.Contains("--confirm would delete them", report.Output, StringComparison.Ordinal);

        // The way out the note gives: the user removes the operator's tags from what they keep.
        await MotoAws.Factory(stack.Moto).CreateEcs().UntagResourceAsync(new Ecs.UntagResourceRequest { ResourceArn = arn, TagKeys = [WellKnown.OwnerTag, WellKnown.ClusterIdTag] }, Ct);

        Assert.DoesNotContain(arn, ReportedArns((await GcAsync(confirm: false)).Output));
        Assert.Equal("ACTIVE", (await stack.Ecs.ClusterAsync(name))!.Status);
    }

    private sealed record Planted(string Cluster, string ForeignCluster, string Revision, string TargetGroup, string Rule, string Listener)
    {
        public IEnumerable<string> Orphans => [Cluster, Revision, TargetGroup, Rule];
    }

    /// <summary>Made directly in moto, past the proxy, with the tags the operator would have put on them.</summary>
    private async Task<Planted> PlantAsync(string ns)
    {
        var seed = await MotoSeed.CreateAsync(stack.Moto, Ct);
        var direct = MotoAws.Factory(stack.Moto);
        var ecs = direct.CreateEcs();
        var elb = direct.CreateElbv2();
        static Dictionary<string, string> Owner(string ns, string kind, string clusterId = OperatorStack.ClusterId) =>
            OwnershipTags.For(ns, kind, "gone", clusterId).ToTags().ToDictionary();

        var cluster = await ecs.CreateClusterAsync(new Ecs.CreateClusterRequest { ClusterName = TestNames.Unique("gc-orphan"), Tags = AwsTags.ToList(Owner(ns, V1alpha1Cluster.KindName)) }, Ct);
        var foreign = await ecs.CreateClusterAsync(new Ecs.CreateClusterRequest { ClusterName = TestNames.Unique("gc-foreign"), Tags = AwsTags.ToList(Owner(ns, V1alpha1Cluster.KindName, "another-cluster")) }, Ct);
        var revision = await ecs.RegisterTaskDefinitionAsync(new Ecs.RegisterTaskDefinitionRequest
        {
            Family = TestNames.Unique("gc-orphan"),
            ContainerDefinitions = [new Ecs.ContainerDefinition { Name = "app", Image = "nginx:1.27", Memory = 128 }],
            Tags = AwsTags.ToList(Owner(ns, V1alpha1TaskDefinition.KindName)),
        }, Ct);
        var groupTags = Owner(ns, V1alpha1LoadBalancerBinding.KindName).Select(t => new Elb.Tag { Key = t.Key, Value = t.Value }).ToList();
        var group = await elb.CreateTargetGroupAsync(new Elb.CreateTargetGroupRequest { Name = TestNames.Unique("gc-tg"), Protocol = "HTTP", Port = 80, VpcId = seed.VpcId, TargetType = "ip", Tags = groupTags }, Ct);
        var groupArn = group.TargetGroups![0].TargetGroupArn!;
        var rule = await elb.CreateRuleAsync(new Elb.CreateRuleRequest
        {
            ListenerArn = seed.ListenerArn,
            Priority = 40,
            Conditions = [new Elb.RuleCondition { Field = "path-pattern", PathPatternConfig = new Elb.PathPatternConditionConfig { Values = ["/gc/*"] } }],
            Actions = [new Elb.Action { Type = "forward", TargetGroupArn = groupArn }],
            Tags = groupTags,
        }, Ct);
        return new Planted(cluster.Cluster!.ClusterArn!, foreign.Cluster!.ClusterName!, revision.TaskDefinition!.TaskDefinitionArn!, groupArn, rule.Rules![0].RuleArn!, seed.ListenerArn);
    }

    private Task<(int ExitCode, string Output)> GcAsync(bool confirm) => GcRun.RunAsync(stack, confirm);

    /// <summary>The ARN column of the report's table (every row after the header, before the count line).</summary>
    private static IEnumerable<string> ReportedArns(string report) =>
        report.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(cells => cells.Length >= 4 && Enum.GetNames<GcKind>().Contains(cells[0]))
            .Select(cells => cells[1]);

    private async Task<string> RevisionStatusAsync(string arn)
    {
        try
        {
            return (await stack.Ecs.RevisionAsync(arn)).TaskDefinition?.Status ?? "GONE";
        }
        catch (AwsServiceException e) when (e.Classification is AwsErrorClass.NotFound or AwsErrorClass.Invalid)
        {
            return "GONE";
        }
    }
}
