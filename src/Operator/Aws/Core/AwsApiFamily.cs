namespace EcsOperator.Aws.Core;

/// <summary>The API families that share one client-side call budget (token bucket).</summary>
public enum AwsApiFamily
{
    /// <summary>ECS Describe* and List* calls.</summary>
    EcsDescribe,

    /// <summary>ECS calls that change something (Create, Update, Delete, Register, Tag...).</summary>
    EcsMutate,

    Elbv2,
    Iam,
    Efs,
}
