namespace EcsOperator.Entities.Schema;

/// <summary>
/// Marks a class of string constants as the mirror of an enum shape in an AWS service model
/// (botocore's <c>data/&lt;service&gt;/*/service-2.json</c>), so a test can keep the two equal.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AwsEnumAttribute(string service, string shape) : Attribute
{
    /// <summary>The botocore service folder, for example <c>ecs</c> or <c>elbv2</c>.</summary>
    public string Service { get; } = service;

    public string Shape { get; } = shape;
}
