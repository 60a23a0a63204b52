namespace EcsOperator.Entities.Schema;

/// <summary>
/// The most characters a string field, or items a list field, takes: the CRD's maxLength or maxItems. Not
/// DataAnnotations' attribute of the same name, whose constructor is marked as needing reflection (it validates by
/// reading a Count property), which a native AOT publish reports as an error; nothing here validates through
/// DataAnnotations, the API server checks the CRD's schema. The Entities project aliases the name to this type.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class MaxLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}

/// <summary>The fewest characters or items a field takes: the CRD's minLength or minItems (see <see cref="MaxLengthAttribute"/>).</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class MinLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}
