using EcsOperator.Entities.Validation;

namespace EcsOperator.Controllers.Shared;

/// <summary>The Stalled/InvalidSpec reason and its message.</summary>
public static class InvalidSpec
{
    public const string Reason = "InvalidSpec";

    /// <summary>Every problem, each naming its field, so that one edit can fix them all.</summary>
    public static string Describe(IEnumerable<FieldError> errors) => string.Join("; ", errors);
}
