using EcsOperator.Aws.ElasticLoadBalancingV2;
using EcsOperator.Controllers.LoadBalancerBinding;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.IntegrationTests.Aws;
using EcsOperator.Runtime.Status;
using k8s;
using Xunit;
using Elb = EcsOperator.Aws.ElasticLoadBalancingV2.Model;

namespace EcsOperator.IntegrationTests.Controllers;

/// <summary>
/// Objects and reads for the LoadBalancerBinding tests: the Cluster, TaskDefinition and Service objects the binding
/// names (run by the real controllers behind the ECS front), and waits on what the Service controller attaches.
/// </summary>
internal static class LoadBalancerBindings
{
    public static V1alpha1Cluster Cluster(string ns) => new()
    {
        Metadata = new() { Name = "demo", NamespaceProperty = ns },
        Spec = new ClusterSpec { ClusterName = TestNamesFor(ns), CapacityProviders = ["FARGATE"] },
    };

    public static V1alpha1Service Service(string ns) => new()
    {
        Metadata = new() { Name = "web", NamespaceProperty = ns },
        Spec = new ServiceSpec
        {
            ClusterRef = new() { Name = "demo" },
            TaskDefinitionRef = new() { Name = "web" },
            LaunchType = "FARGATE",
            DesiredCount = 1,
            NetworkConfiguration = new() { AwsvpcConfiguration = new() { Subnets = ["subnet-lbb"] } },
        },
    };

    public static V1alpha1LoadBalancerBinding Owned(string ns, MotoSeed seed, string name = "web", int priority = 10, Action<LoadBalancerBindingSpec>? change = null)
    {
        var binding = new V1alpha1LoadBalancerBinding
        {
            Metadata = new() { Name = name, NamespaceProperty = ns },
            Spec = new LoadBalancerBindingSpec
            {
                ServiceRef = new() { Name = "web" },
                ContainerName = "web",
                ContainerPort = 80,
                TargetGroup = new TargetGroupSpec
                {
                    Protocol = "HTTP",
                    Port = 80,
                    VpcId = seed.VpcId,
                    TargetType = "ip",
                    HealthCheck = new TargetGroupHealthCheck { Path = "/healthz", IntervalSeconds = 15, HealthyThresholdCount = 3, HttpCode = "200-399" },
                    DeregistrationDelaySeconds = 5,
                    Stickiness = new TargetGroupStickiness { Enabled = true, Type = "lb_cookie", CookieDurationSeconds = 60 },
                },
                Listener = new ListenerRuleSpec
                {
                    Arn = seed.ListenerArn,
                    Priority = priority,
                    HostHeaders = ["web.example.com"],
                    PathPatterns = ["/*"],
                    HttpHeaders = [new HttpHeaderMatch { Name = "X-Canary", Values = ["yes"] }],
                },
                Tags = new Dictionary<string, string> { ["app"] = "web" },
            },
        };
        change?.Invoke(binding.Spec);
        return binding;
    }

    /// <summary>Creates the Cluster, TaskDefinition and Service objects the binding names; the operator runs them behind the ECS front.</summary>
    public static async Task CreateServiceAsync(OperatorStack stack, string ns)
    {
        await stack.Objects.CreateAsync(Cluster(ns));
        await stack.Objects.CreateAsync(TaskDefinitions.Web(ns, TestNamesFor(ns)));
        await stack.Objects.CreateAsync(Service(ns));
    }

    /// <summary>Waits until the Service controller has rolled the service onto exactly <paramref name="targetGroupArns"/> and it is Ready.</summary>
    public static Task<V1alpha1Service> ReportServiceAsync(OperatorStack stack, string ns, params string[] targetGroupArns) =>
        stack.Objects.WaitForAsync<V1alpha1Service>(
            ns,
            "web",
            s => KubeObjects.IsReady(s)
                && (s.Status.LoadBalancers ?? []).Select(lb => lb.TargetGroupArn).Order(StringComparer.Ordinal).SequenceEqual(targetGroupArns.Order(StringComparer.Ordinal)),
            $"the Service Ready on target groups [{string.Join(", ", targetGroupArns)}]",
            TimeSpan.FromSeconds(90));

    /// <summary>Waits until the binding publishes its target group, attached to a load balancer.</summary>
    public static Task<V1alpha1LoadBalancerBinding> PublishedAsync(OperatorStack stack, string ns, string name = "web") =>
        stack.Objects.WaitForAsync<V1alpha1LoadBalancerBinding>(
            ns, name, b => b.Status.TargetGroupArn is not null && b.Status.LoadBalancerArns is { Count: > 0 }, "attached to a load balancer");

    /// <summary>Waits until the binding publishes its target group, the Service has rolled onto it, and the binding is Ready.</summary>
    public static async Task<V1alpha1LoadBalancerBinding> AttachAsync(OperatorStack stack, string ns, string name = "web")
    {
        var published = await PublishedAsync(stack, ns, name);
        await ReportServiceAsync(stack, ns, published.Status.TargetGroupArn!);
        return await stack.Objects.WaitReadyAsync<V1alpha1LoadBalancerBinding>(ns, name);
    }

    public static string DerivedName(string ns, string name, TargetGroupSpec spec) => TargetGroupNames.For(ns, name, OperatorStack.ClusterId, spec);

    public static async Task<Elb.TargetGroup?> TargetGroupAsync(IElbv2Api elb, string arn)
    {
        try
        {
            return (await elb.DescribeTargetGroupsAsync(new Elb.DescribeTargetGroupsRequest { TargetGroupArns = [arn] }, TestContext.Current.CancellationToken)).TargetGroups?.FirstOrDefault();
        }
        catch (Elb.TargetGroupNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The listener's rules other than the default one.</summary>
    public static async Task<List<Elb.Rule>> RulesAsync(IElbv2Api elb, string listenerArn) =>
        [.. ((await elb.DescribeRulesAsync(new Elb.DescribeRulesRequest { ListenerArn = listenerArn }, TestContext.Current.CancellationToken)).Rules ?? []).Where(r => r.IsDefault != true)];

    public static async Task<Dictionary<string, string>> AttributesAsync(IElbv2Api elb, string arn) =>
        ((await elb.DescribeTargetGroupAttributesAsync(new Elb.DescribeTargetGroupAttributesRequest { TargetGroupArn = arn }, TestContext.Current.CancellationToken)).Attributes ?? [])
            .ToDictionary(a => a.Key!, a => a.Value ?? string.Empty);

    public static async Task<Dictionary<string, string>> TagsAsync(IElbv2Api elb, string arn) =>
        LoadBalancerBindingRequest.TagMap((await elb.DescribeTagsAsync(new Elb.DescribeTagsRequest { ResourceArns = [arn] }, TestContext.Current.CancellationToken)).TagDescriptions?.FirstOrDefault()?.Tags);

    /// <summary>A task definition family unique to the test's namespace.</summary>
    private static string TestNamesFor(string ns) => $"{ns}-web";
}
