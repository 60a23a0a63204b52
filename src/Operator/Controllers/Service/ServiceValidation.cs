using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.Controllers.Service;

/// <summary>The exactly-one and at-most-one rules of a Service spec, as the CRD's CEL rules state them.</summary>
public static class ServiceValidation
{
    public static IReadOnlyList<FieldError> Check(V1alpha1Service obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var spec = obj.Spec;
        var errors = new List<FieldError>();
        ExactlyOne(errors, "spec.clusterRef", spec.ClusterRef is not null, "spec.cluster", spec.Cluster is not null);
        ExactlyOne(errors, "spec.taskDefinitionRef", spec.TaskDefinitionRef is not null,
            "spec.taskDefinition", spec.TaskDefinition is not null);

        if (spec.LaunchType is not null && spec.CapacityProviderStrategy is not null)
        {
            errors.Add(new FieldError("spec.capacityProviderStrategy",
                "set at most one of spec.launchType and spec.capacityProviderStrategy (neither means the cluster's default strategy)"));
        }

        if (spec.Role is not null && spec.NetworkConfiguration?.AwsvpcConfiguration is not null)
        {
            // ECS: "You cannot specify an IAM role for services that require a service linked role" (awsvpc is one).
            errors.Add(new FieldError("spec.role",
                "an awsvpc service (spec.networkConfiguration.awsvpcConfiguration is set) uses the ECS service-linked role, and ECS refuses a service role for it; remove spec.role"));
        }

        if (spec.DeploymentController?.Type is { } controller && controller != "ECS")
        {
            errors.Add(new FieldError("spec.deploymentController.type",
                $"{controller} is not supported yet: with it UpdateService cannot change the task definition, network or load balancers, and ECS reports no rollout state; use ECS"));
        }

        if (spec.DeploymentConfiguration?.Strategy is { } strategy && strategy != "ROLLING")
        {
            errors.Add(new FieldError("spec.deploymentConfiguration.strategy",
                $"{strategy} is not supported yet: it needs load balancer advanced configuration that a LoadBalancerBinding cannot express; use ROLLING"));
        }

        errors.AddRange(HookDetailsDepth(spec));
        var defaulted = string.IsNullOrEmpty(spec.ServiceName);
        errors.AddRange(AwsFormats.EcsName("spec.serviceName", defaulted ? obj.Metadata.Name : spec.ServiceName, defaulted ? "metadata.name" : null));
        errors.AddRange(AwsFormats.NameOrArn("spec.cluster", spec.Cluster, "cluster/", AwsFormats.IsEcsName));
        errors.AddRange(AwsFormats.NameOrArn("spec.taskDefinition", spec.TaskDefinition, "task-definition/", AwsFormats.IsFamilyRevision));
        errors.AddRange(TagValidator.Validate(spec.Tags, "spec.tags"));
        SpecText.AddTo(errors, spec);
        return errors;
    }

    /// <summary>
    /// The fields no update path can change, compared with the service ECS has: schedulingStrategy, role, and one
    /// launch type for another. A switch between a launch type and a capacity provider strategy is allowed either way:
    /// UpdateService does it with a new deployment (the way back with an empty strategy, see ServiceDelta), so
    /// spec.launchType is compared only with a launch type ECS reports.
    /// </summary>
    public static IEnumerable<ImmutableField> ImmutableAgainst(ServiceSpec spec, Ecs.Service observed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(observed);
        const string Recreate = "an ECS service cannot change it: create a new Service (or delete and re-create this one)";
        if (spec.LaunchType is { } launchType && observed.CapacityProviderStrategy is not { Count: > 0 })
        {
            yield return new ImmutableField("spec.launchType", observed.LaunchType, launchType, Recreate);
        }

        if (spec.SchedulingStrategy is { } scheduling)
        {
            yield return new ImmutableField("spec.schedulingStrategy", observed.SchedulingStrategy, scheduling, Recreate);
        }

        if (spec.Role is { } role && observed.RoleArn is { } roleArn)
        {
            var name = role[(role.LastIndexOf('/') + 1)..];
            yield return new ImmutableField("spec.role", roleArn[(roleArn.LastIndexOf('/') + 1)..], name, Recreate);
        }
    }

    /// <summary>hookDetails is the one free-form field of any kind (x-kubernetes-preserve-unknown-fields).</summary>
    private static IEnumerable<FieldError> HookDetailsDepth(ServiceSpec spec) =>
        (spec.DeploymentConfiguration?.LifecycleHooks ?? []).SelectMany((hook, i) =>
            FreeFormJson.CheckDepth($"spec.deploymentConfiguration.lifecycleHooks[{i}].hookDetails", hook.HookDetails));

    private static void ExactlyOne(List<FieldError> errors, string refField, bool hasRef, string nameField, bool hasName)
    {
        if (hasRef == hasName)
        {
            var problem = hasRef ? "both are set" : "neither is set";
            errors.Add(new FieldError(refField, $"set exactly one of {refField} and {nameField}: {problem}"));
        }
    }
}
