namespace EcsOperator.Controllers.Shared;

/// <summary>The Stalled/InvalidSpec message.</summary>
public static class InvalidSpec
{
    /// <summary>Every problem, each naming its field, so that one edit can fix them all.</summary>
    public static string Describe(IEnumerable<FieldError> errors) => string.Join("; ", errors);
}
