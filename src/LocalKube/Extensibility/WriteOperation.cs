namespace LocalKube.Extensibility;

/// <summary>Which write an object is going through.</summary>
public enum WriteOperation
{
    Create,
    Update,
    UpdateStatus,
}

/// <summary>The <c>fieldValidation</c> query parameter. kubectl 1.32 sends Strict by default.</summary>
public enum FieldValidationMode
{
    Strict,
    Warn,
    Ignore,
}
