namespace EcsOperator.Entities.Schema;

/// <summary>A free-form JSON object: the schema keeps whatever the user wrote (x-kubernetes-preserve-unknown-fields).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class PreserveUnknownFieldsAttribute : Attribute;
