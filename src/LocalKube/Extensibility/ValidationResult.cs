namespace LocalKube.Extensibility;

/// <summary>What an <see cref="IObjectValidator"/> found: errors reject the write with 422; warnings go out as <c>Warning</c> headers.</summary>
public sealed class ValidationResult
{
    public static ValidationResult Ok { get; } = new();

    public List<FieldCause> Errors { get; } = [];

    public List<string> Warnings { get; } = [];

    public bool IsValid => Errors.Count == 0;
}
