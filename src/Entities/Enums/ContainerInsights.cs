namespace EcsOperator.Entities;

/// <summary>
/// The values of <see cref="ClusterSpec.ContainerInsights"/>, a shorthand for ECS's containerInsights cluster setting.
/// Not an enum shape in the ECS model (the setting's value is a free string there).
/// </summary>
public static class ContainerInsights
{
    public const string Enabled = "enabled";
    public const string Enhanced = "enhanced";
    public const string Disabled = "disabled";
}
