using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Testing;
using k8s;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Benchmarks;

/// <summary>
/// The objects of config/samples (the manifests the README walks through) and what AWS reports for them once
/// converged, through the shared <see cref="AwsEchoes"/>: the steady-state inputs of the micro benchmarks.
/// </summary>
public static class SampleObjects
{
    public const string Namespace = "bench";
    public const string ClusterId = "0f8c4a52-5d4e-4c1b-9a43-7e2b1c9d3f60";
    public const string ClusterArn = "arn:aws:ecs:us-east-1:" + AwsEchoes.Account + ":cluster/demo";
    public const string TargetGroupArn = "arn:aws:elasticloadbalancing:us-east-1:" + AwsEchoes.Account + ":targetgroup/bench-web-3f9a2c/0123456789abcdef";
    public const int Revision = 3;

    /// <summary>The moment every sample was created and converged, so that runs serialize the same bytes.</summary>
    public static readonly DateTimeOffset Converged = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    public static T Load<T>(string sample)
        where T : class, IEcsResource
    {
        var obj = KubernetesYaml.Deserialize<T>(File.ReadAllText(RepositoryRoot.Combine("config", "samples", sample)));
        obj.Metadata.NamespaceProperty = Namespace;
        return obj;
    }

    public static V1alpha1Cluster Cluster() => Load<V1alpha1Cluster>("cluster.yaml");

    public static V1alpha1TaskDefinition TaskDefinition() => Load<V1alpha1TaskDefinition>("taskdefinition.yaml");

    public static V1alpha1Service Service() => Load<V1alpha1Service>("service.yaml");

    public static V1alpha1LoadBalancerBinding LoadBalancerBinding() => Load<V1alpha1LoadBalancerBinding>("loadbalancerbinding.yaml");

    /// <summary>The spec's tags plus the two ownership tags, as the reconcilers compute them.</summary>
    public static Dictionary<string, string> DesiredTags(IEcsResource obj, IDictionary<string, string>? userTags) =>
        AwsTags.Merge(userTags, OwnershipTags.For(Namespace, obj.Kind, obj.Metadata.Name, ClusterId).ToTags());

    public static Ecs.Cluster EcsCluster(V1alpha1Cluster obj) =>
        AwsEchoes.Cluster(obj.Spec, obj.Metadata.Name, DesiredTags(obj, obj.Spec.Tags));

    /// <summary>The service after its rollout: one PRIMARY deployment, COMPLETED, every task running.</summary>
    public static Ecs.Service EcsService(V1alpha1Service obj)
    {
        var service = AwsEchoes.Service(obj.Spec, ClusterArn, Revision, [new Ecs.LoadBalancer { TargetGroupArn = TargetGroupArn, ContainerName = "web", ContainerPort = 80 }], DesiredTags(obj, obj.Spec.Tags));
        service.ServiceArn = $"arn:aws:ecs:us-east-1:{AwsEchoes.Account}:service/demo/web";
        service.RunningCount = service.DesiredCount;
        service.PendingCount = 0;
        service.CreatedAt = Converged.UtcDateTime;
        service.Deployments =
        [
            new Ecs.Deployment
            {
                Id = "ecs-svc/1234567890123456789",
                Status = "PRIMARY",
                TaskDefinition = service.TaskDefinition,
                DesiredCount = service.DesiredCount,
                RunningCount = service.DesiredCount,
                PendingCount = 0,
                FailedTasks = 0,
                RolloutState = "COMPLETED",
                RolloutStateReason = "ECS deployment ecs-svc/1234567890123456789 completed.",
                CreatedAt = Converged.UtcDateTime,
                UpdatedAt = Converged.UtcDateTime,
                LaunchType = "FARGATE",
                PlatformVersion = "1.4.0",
            },
        ];
        return service;
    }
}
