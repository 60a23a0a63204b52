namespace EcsOperator.Controllers.Shared;

/// <summary>One problem with a spec: the field path (for example <c>spec.clusterRef</c>) and what is wrong.</summary>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
