using System.Net.Http.Headers;
using EcsOperator.Entities;
using EcsOperator.Hosting;
using EcsOperator.IntegrationTests.Aws;
using EcsOperator.IntegrationTests.Controllers;
using EcsOperator.IntegrationTests.Operations;
using EcsOperator.Testing;
using LocalKube.Audit;
using Xunit;
using Ecs = EcsOperator.Aws.Ecs.Model;
using Elb = EcsOperator.Aws.ElasticLoadBalancingV2.Model;
using Iam = EcsOperator.Aws.Iam.Model;

namespace EcsOperator.IntegrationTests.LeastPrivilege;

/// <summary>
/// One complete run of the operator through every path it has, recorded on both sides: the Kubernetes requests it
/// sends (LocalKube's request record, its User-Agent) and the AWS actions it calls (the fault proxy's action record).
/// Its own stack, so that the record does not depend on which other tests ran: leader election, four kinds created,
/// attached, updated, drifted, adopted and deleted, Events, and a secure /metrics scrape (TokenReview and
/// SubjectAccessReview), and a gc pass at the end. The test side seeds and drifts AWS directly in moto, past the proxy, so only the operator's
/// calls are in the record.
/// </summary>
public sealed class LeastPrivilegeRun : IAsyncLifetime
{
    private readonly OperatorStack _stack = new();

    /// <summary>The distinct (verb, group, resource/subresource) the operator sent.</summary>
    public IReadOnlySet<Permission> KubePermissions { get; private set; } = new HashSet<Permission>();

    /// <summary>The distinct service:Action the operator called.</summary>
    public IReadOnlySet<string> AwsActions { get; private set; } = new HashSet<string>();

    private const string AssumedByEcsTasks = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _stack.InitializeAsync();
        Assert.SkipWhen(_stack.Kube is null, "the request record needs LocalKube, not a real cluster");
        var ns = await _stack.Objects.CreateNamespaceAsync(TestNames.Unique("least"));
        var metrics = new Uri($"https://127.0.0.1:{FreePort.Next()}/metrics");
        await _stack.StopOperatorAsync();
        _stack.Proxy.Actions.Clear();
        _stack.Kube!.Requests.Clear();
        await _stack.StartOperatorAsync(adjust: o => o with
        {
            LeaderElect = true,
            LeaderElectionNamespace = ns,
            MetricsBindAddress = metrics.Authority,
            MetricsSecure = true,
            ClusterId = null, // the default: the kube-system namespace's UID (LocalKube's is OperatorStack.ClusterId)
        });

        var seed = await MotoSeed.CreateAsync(_stack.Moto, Ct);
        await CreateAttachAndUpdateAsync(ns, seed);
        await DriftAndAdoptAsync(ns);
        await ScrapeAsync(metrics);
        await DeleteEverythingAsync(ns);

        // `ecs-operator gc` runs with the operator's policy and identity: its calls belong in the same record.
        var gc = await GcRun.RunAsync(_stack, confirm: true);
        Assert.True(gc.ExitCode == 0, gc.Output);

        KubePermissions = _stack.Kube.Requests.Permissions(OperatorHost.UserAgentProduct + "/");
        AwsActions = _stack.Proxy.Actions.Actions;
    }

    public ValueTask DisposeAsync() => _stack.DisposeAsync();

    private async Task CreateAttachAndUpdateAsync(string ns, MotoSeed seed)
    {
        await LoadBalancerBindings.CreateServiceAsync(_stack, ns);
        await _stack.Objects.CreateAsync(LoadBalancerBindings.Owned(ns, seed, name: "web", priority: 10));
        await _stack.Objects.CreateAsync(LoadBalancerBindings.Owned(ns, seed, name: "api", priority: 20, change: s => s.Listener!.PathPatterns = ["/api/*"]));
        var web = await _stack.Objects.WaitForAsync<V1alpha1LoadBalancerBinding>(ns, "web", b => b.Status.LoadBalancerArns is { Count: > 0 }, "attached");
        var api = await _stack.Objects.WaitForAsync<V1alpha1LoadBalancerBinding>(ns, "api", b => b.Status.LoadBalancerArns is { Count: > 0 }, "attached");
        await LoadBalancerBindings.ReportServiceAsync(_stack, ns, web.Status.TargetGroupArn!, api.Status.TargetGroupArn!);
        await _stack.Objects.WaitReadyAsync<V1alpha1LoadBalancerBinding>(ns, "web");

        await _stack.Objects.UpdateAsync<V1alpha1TaskDefinition>(ns, "web", t => t.Spec.ContainerDefinitions[0].Image = "nginx:1.28");
        await _stack.Objects.UpdateAsync<V1alpha1Service>(ns, "web", s => s.Spec.DesiredCount = 2);
        await _stack.Objects.WaitForAsync<V1alpha1Service>(
            ns, "web", s => KubeObjects.IsReady(s) && s.Status.ObservedGeneration == s.Metadata.Generation, "the Service rolled to the new revision", TimeSpan.FromSeconds(90));
        await UpdateAndWaitAsync<V1alpha1Cluster>(ns, "demo", c =>
        {
            c.Spec.Tags = new Dictionary<string, string> { ["team"] = "payments" };
            c.Spec.ContainerInsights = "enabled";
            c.Spec.CapacityProviders = ["FARGATE", "FARGATE_SPOT"];
        });
        await UpdateAndWaitAsync<V1alpha1Cluster>(ns, "demo", c => c.Spec.Tags = null);
        await UpdateAndWaitAsync<V1alpha1LoadBalancerBinding>(ns, "web", b =>
        {
            b.Spec.Listener!.Priority = 11;
            b.Spec.Listener.PathPatterns = ["/web/*"];
            b.Spec.Tags = new Dictionary<string, string> { ["tier"] = "front" };
        });

        // A task definition with an EFS volume and task/execution roles: the file system, its access point and the
        // roles are checked before registering (iam:GetRole), and the roles are passed to ECS (iam:PassRole).
        using var iam = MotoAws.Factory(_stack.Moto).CreateIam();
        var role = await iam.CreateRoleAsync(new Iam.CreateRoleRequest { RoleName = TestNames.Unique("least-role"), AssumeRolePolicyDocument = AssumedByEcsTasks }, Ct);
        var files = TaskDefinitions.Web(ns, TestNames.Unique("least-efs"), change: t =>
        {
            t.Volumes = [new Volume { Name = "data", EfsVolumeConfiguration = new EfsVolumeConfiguration { FileSystemId = seed.FileSystemId, TransitEncryption = "ENABLED", AuthorizationConfig = new EfsAuthorizationConfig { AccessPointId = seed.AccessPointId } } }];
            t.ExecutionRoleArn = role.Role!.Arn;
            t.TaskRoleArn = role.Role.Arn;
        });
        files.Metadata.Name = "files";
        await _stack.Objects.CreateAsync(files);
        await _stack.Objects.WaitReadyAsync<V1alpha1TaskDefinition>(ns, "files");
    }

    private async Task UpdateAndWaitAsync<T>(string ns, string name, Action<T> change)
        where T : class, IEcsResource
    {
        await _stack.Objects.UpdateAsync(ns, name, change);
        await _stack.Objects.WaitForAsync<T>(ns, name, o => KubeObjects.IsReady(o) && o.ResourceStatus.ObservedGeneration == o.Metadata.Generation, $"{typeof(T).Name} {name} updated");
    }

    private async Task DriftAndAdoptAsync(string ns)
    {
        var direct = MotoAws.Factory(_stack.Moto);
        var web = (await _stack.Objects.GetAsync<V1alpha1LoadBalancerBinding>(ns, "web"))!;
        await direct.CreateElbv2().ModifyTargetGroupAsync(new Elb.ModifyTargetGroupRequest { TargetGroupArn = web.Status.TargetGroupArn, HealthCheckPath = "/console-edit" }, Ct);
        Assert.Contains("DriftCorrected", await _stack.Objects.EventReasonsAsync(ns, "web", "DriftCorrected", TimeSpan.FromSeconds(60)));

        var adopted = TestNames.Unique("adopt");
        await direct.CreateEcs().CreateClusterAsync(new Ecs.CreateClusterRequest { ClusterName = adopted }, Ct);
        await _stack.Objects.CreateAsync(new V1alpha1Cluster
        {
            Metadata = new() { Name = "adopted", NamespaceProperty = ns, Annotations = new Dictionary<string, string> { [WellKnown.AdoptAnnotation] = "true" } },
            Spec = new ClusterSpec { ClusterName = adopted },
        });
        await _stack.Objects.WaitReadyAsync<V1alpha1Cluster>(ns, "adopted");
    }

    private static async Task ScrapeAsync(Uri metrics)
    {
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator });
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "least-privilege-scraper");
        using var answer = await http.GetAsync(metrics, Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.StatusCode);
    }

    private async Task DeleteEverythingAsync(string ns)
    {
        await _stack.Objects.DeleteAsync<V1alpha1LoadBalancerBinding>(ns, "api");
        await _stack.Objects.WaitGoneAsync<V1alpha1LoadBalancerBinding>(ns, "api");
        await _stack.Objects.DeleteAsync<V1alpha1LoadBalancerBinding>(ns, "web");
        await _stack.Objects.DeleteAsync<V1alpha1Service>(ns, "web");
        await _stack.Objects.WaitGoneAsync<V1alpha1LoadBalancerBinding>(ns, "web");
        await _stack.Objects.WaitGoneAsync<V1alpha1Service>(ns, "web");
        await _stack.Objects.DeleteAsync<V1alpha1TaskDefinition>(ns, "web");
        await _stack.Objects.DeleteAsync<V1alpha1TaskDefinition>(ns, "files");
        await _stack.Objects.DeleteAsync<V1alpha1Cluster>(ns, "demo");
        await _stack.Objects.DeleteAsync<V1alpha1Cluster>(ns, "adopted");
        await _stack.Objects.WaitGoneAsync<V1alpha1TaskDefinition>(ns, "web");
        await _stack.Objects.WaitGoneAsync<V1alpha1TaskDefinition>(ns, "files");
        await _stack.Objects.WaitGoneAsync<V1alpha1Cluster>(ns, "demo");
        await _stack.Objects.WaitGoneAsync<V1alpha1Cluster>(ns, "adopted");
    }
}
