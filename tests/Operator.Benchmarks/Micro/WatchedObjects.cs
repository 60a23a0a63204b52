using System.Text.Json.Nodes;
using EcsOperator.Controllers.Service;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Runtime.Status;
using k8s;
using LocalKube.Apply;

namespace EcsOperator.Benchmarks;

/// <summary>
/// The config/samples objects once Ready, as a watch event carries them: the API server's metadata (uid,
/// resourceVersion, the operator's finalizer, and the managedFields LocalKube's tracker records for kubectl's create,
/// the finalizer update and the status write), and the status each reconciler reports.
/// </summary>
public static class WatchedObjects
{
    private const string ApiVersion = "ecs.operator.dev/v1alpha1";
    private const string OperatorManager = "ecs-operator";

    public static JsonObject Cluster()
    {
        var obj = SampleObjects.Cluster();
        var ecs = SampleObjects.EcsCluster(obj);
        var status = obj.Status;
        status.Arn = ecs.ClusterArn;
        status.ClusterName = ecs.ClusterName;
        status.State = ecs.Status;
        status.ActiveServicesCount = 1;
        status.RunningTasksCount = 2;
        status.PendingTasksCount = 0;
        status.AppliedTagKeys = [.. obj.Spec.Tags!.Keys.Order(StringComparer.Ordinal)];
        return Watched(obj, $"ECS cluster {ecs.ClusterName} is ACTIVE");
    }

    public static JsonObject TaskDefinition()
    {
        var obj = SampleObjects.TaskDefinition();
        var status = obj.Status;
        status.Arn = $"arn:aws:ecs:us-east-1:{Testing.AwsEchoes.Account}:task-definition/web:{SampleObjects.Revision}";
        status.Family = "web";
        status.Revision = SampleObjects.Revision;
        status.ActiveRevisions = SampleObjects.Revision;
        status.RecentRevisions = [1, 2, SampleObjects.Revision];
        return Watched(obj, $"revision web:{SampleObjects.Revision} is ACTIVE and matches the spec");
    }

    public static JsonObject Service()
    {
        var obj = SampleObjects.Service();
        var ecs = SampleObjects.EcsService(obj);
        var status = obj.Status;
        ServiceRollout.MapStatus(status, ecs);
        status.ManagedLists = ServiceDelta.ManagedListsAfter(new DesiredService("web", SampleObjects.ClusterArn, ecs.TaskDefinition!, [.. ecs.LoadBalancers!], obj.Spec));
        status.AppliedTagKeys = [.. obj.Spec.Tags!.Keys];
        status.LastEvent = new ServiceEventMark { Id = "0c6e8f4e-1d0a-4f1e-9d2b-5b6f7a8c9d0e", CreatedAt = SampleObjects.Converged };
        return Watched(obj, $"ECS service web runs web:{SampleObjects.Revision} with {ecs.RunningCount}/{ecs.DesiredCount} tasks; rollout COMPLETED");
    }

    public static JsonObject LoadBalancerBinding()
    {
        var obj = SampleObjects.LoadBalancerBinding();
        var status = obj.Status;
        status.TargetGroupArn = SampleObjects.TargetGroupArn;
        status.TargetGroupName = "bench-web-3f9a2c";
        status.ListenerRuleArn = Testing.AwsEchoes.Rule(obj.Spec.Listener!, SampleObjects.TargetGroupArn).RuleArn;
        status.LoadBalancerArns = [$"arn:aws:elasticloadbalancing:us-east-1:{Testing.AwsEchoes.Account}:loadbalancer/app/demo/0123456789abcdef"];
        status.ServiceArn = $"arn:aws:ecs:us-east-1:{Testing.AwsEchoes.Account}:service/demo/web";
        status.AppliedTagKeys = [.. obj.Spec.Tags!.Keys];
        return Watched(obj, $"target group bench-web-3f9a2c serves {obj.Spec.ContainerName}:{obj.Spec.ContainerPort} of Service web");
    }

    /// <summary>The object's JSON after create, finalizer and status write, each tracked into managedFields.</summary>
    private static JsonObject Watched(IEcsResource obj, string readyMessage)
    {
        var at = SampleObjects.Converged;
        var status = obj.ResourceStatus;
        Conditions.MarkReady(status, 1, ConditionReasons.Synced, readyMessage, at);
        status.ObservedGeneration = 1;
        var meta = obj.Metadata;
        meta.Uid = "6b1f0e2a-8c3d-4e5f-9a7b-1c2d3e4f5a6b";
        meta.Generation = 1;
        meta.CreationTimestamp = at.UtcDateTime;

        var created = Json(obj, withStatus: false, finalizer: false);
        UpdateTracker.Track(null, created, "kubectl-create", ApiVersion, string.Empty, at);
        var finalized = Json(obj, withStatus: false, finalizer: true);
        finalized["metadata"]!["managedFields"] = created["metadata"]!["managedFields"]!.DeepClone();
        UpdateTracker.Track(created, finalized, OperatorManager, ApiVersion, string.Empty, at);
        var written = Json(obj, withStatus: true, finalizer: true);
        written["metadata"]!["managedFields"] = finalized["metadata"]!["managedFields"]!.DeepClone();
        UpdateTracker.Track(finalized, written, OperatorManager, ApiVersion, "status", at);
        written["metadata"]!["resourceVersion"] = "48213";
        return written;
    }

    private static JsonObject Json(IEcsResource obj, bool withStatus, bool finalizer)
    {
        var json = (JsonObject)JsonNode.Parse(KubernetesJson.Serialize(obj))!;
        if (!withStatus)
        {
            json.Remove("status");
        }

        if (finalizer)
        {
            json["metadata"]!["finalizers"] = new JsonArray(WellKnown.Finalizer);
        }

        return json;
    }
}
