using System.Globalization;
using System.Text.Json.Nodes;
using LocalKube.Serialization;

namespace LocalKube.Validation;

/// <summary>The machine-readable kinds of field error, named as Kubernetes' StatusCause types.</summary>
public enum FieldErrorType
{
    Required,
    NotSupported,
    Invalid,
    TypeInvalid,
    TooLong,
    TooMany,
    Forbidden,
}

/// <summary>
/// One field-level validation error, shaped like k8s.io/apimachinery's field.Error so that the Status it
/// becomes makes kubectl print exactly what it prints against a real API server.
/// </summary>
public sealed record FieldError(FieldErrorType Type, string Field, object? BadValue, string Detail)
{
    /// <summary>Marks a value that is deliberately left out of the message (field.TooMany without a count).</summary>
    public static readonly object OmitValue = new();

    public string CauseType => Type switch
    {
        FieldErrorType.Required => "FieldValueRequired",
        FieldErrorType.NotSupported => "FieldValueNotSupported",
        FieldErrorType.Invalid => "FieldValueInvalid",
        FieldErrorType.TypeInvalid => "FieldValueTypeInvalid",
        FieldErrorType.TooLong => "FieldValueTooLong",
        FieldErrorType.TooMany => "FieldValueTooMany",
        _ => "FieldValueForbidden",
    };

    private string Title => Type switch
    {
        FieldErrorType.Required => "Required value",
        FieldErrorType.NotSupported => "Unsupported value",
        FieldErrorType.TooLong => "Too long",
        FieldErrorType.TooMany => "Too many",
        FieldErrorType.Forbidden => "Forbidden",
        _ => "Invalid value",
    };

    /// <summary>The message without the field path, as StatusCause.message carries it.</summary>
    public string ErrorBody()
    {
        var body = Type is FieldErrorType.Required or FieldErrorType.Forbidden or FieldErrorType.TooLong
            || ReferenceEquals(BadValue, OmitValue)
            ? Title
            : $"{Title}: {GoFormat.Value(BadValue)}";
        return Detail.Length == 0 ? body : $"{body}: {Detail}";
    }

    public override string ToString() => $"{Field}: {ErrorBody()}";

    public static FieldError Required(string field) => new(FieldErrorType.Required, field, string.Empty, string.Empty);

    public static FieldError NotSupported(string field, object? value, IEnumerable<string> supported) =>
        new(FieldErrorType.NotSupported, field, value, "supported values: " + string.Join(", ", supported.Select(GoFormat.Quote)));

    public static FieldError Invalid(string field, object? value, string detail) => new(FieldErrorType.Invalid, field, value, detail);

    public static FieldError TypeInvalid(string field, object? value, string detail) => new(FieldErrorType.TypeInvalid, field, value, detail);

    public static FieldError TooLong(string field, long max) =>
        new(FieldErrorType.TooLong, field, string.Empty, string.Create(CultureInfo.InvariantCulture, $"may not be longer than {max}"));

    public static FieldError TooMany(string field, long actual, long max) =>
        new(FieldErrorType.TooMany, field, actual, string.Create(CultureInfo.InvariantCulture, $"must have at most {max} items"));

    /// <summary>Converts a JSON scalar into the Go value apimachinery would print (string, int64, float64, bool, null).</summary>
    public static object? ScalarOf(JsonNode? node) => node switch
    {
        null => null,
        _ when JsonNumbers.TryGetString(node, out var s) => s,
        _ when JsonNumbers.TryGetBool(node, out var b) => b,
        _ when JsonNumbers.TryGetLong(node, out var l) => l,
        _ when JsonNumbers.TryGetDouble(node, out var d) => d,
        _ => JsonLimits.Write(node),
    };
}
