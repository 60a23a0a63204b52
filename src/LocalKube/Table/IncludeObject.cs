namespace LocalKube.Table;

/// <summary>The includeObject query parameter of a Table request: what each row's <c>object</c> holds.</summary>
public enum IncludeObject
{
    None,
    Metadata,
    Object,
}

public static class IncludeObjects
{
    /// <summary>Absent means Metadata, as on a real server.</summary>
    public static IncludeObject Parse(string? value) => value switch
    {
        "None" => IncludeObject.None,
        "Object" => IncludeObject.Object,
        _ => IncludeObject.Metadata,
    };
}
