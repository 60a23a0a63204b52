namespace EcsOperator.Entities;

/// <summary>The API group and version every ecs-operator kind is served under.</summary>
public static class EntityGroup
{
    public const string Group = "ecs.operator.dev";
    public const string Version = "v1alpha1";
    public const string ApiVersion = Group + "/" + Version;
}
