namespace LocalKube.Validation;

/// <summary>The fieldValidation query parameter: what to do about fields the schema does not declare.</summary>
public enum FieldValidationMode
{
    /// <summary>Unknown fields are dropped silently.</summary>
    Ignore,

    /// <summary>Unknown fields are dropped and reported as warnings (the server default).</summary>
    Warn,

    /// <summary>Unknown fields fail the request (what kubectl sends by default).</summary>
    Strict,
}

public static class FieldValidationModes
{
    /// <summary>Parses the query value case-insensitively; absent or unknown means Warn, as on a real server.</summary>
    public static FieldValidationMode Parse(string? value) => value?.ToUpperInvariant() switch
    {
        "STRICT" => FieldValidationMode.Strict,
        "IGNORE" => FieldValidationMode.Ignore,
        _ => FieldValidationMode.Warn,
    };
}
