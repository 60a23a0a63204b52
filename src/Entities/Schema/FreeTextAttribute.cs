namespace EcsOperator.Entities.Schema;

/// <summary>
/// Marks a string (the items of a string list, the values of a map) that AWS takes as any text: environment values,
/// command arguments, labels. The operator passes it to AWS byte for byte, control characters and all; every other
/// string field is refused when it holds a control or invisible formatting character.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class FreeTextAttribute : Attribute
{
    /// <summary>For a map or a JSON document: its keys are free text too (Docker labels), not only its values.</summary>
    public bool Keys { get; set; }
}
