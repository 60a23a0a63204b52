using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>Where ECS Exec session output goes.</summary>
[AwsEnum("ecs", "ExecuteCommandLogging")]
public static class ExecuteCommandLogging
{
    public const string None = "NONE";
    public const string Default = "DEFAULT";
    public const string Override = "OVERRIDE";
}
