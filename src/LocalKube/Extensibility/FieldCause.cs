namespace LocalKube.Extensibility;

/// <summary>
/// One cause of a 422 Invalid answer, as in a Status's <c>details.causes</c>. Reason is a Kubernetes cause type
/// such as <c>FieldValueInvalid</c>, <c>FieldValueRequired</c>, <c>FieldValueNotSupported</c> or <c>FieldValueDuplicate</c>;
/// Field is the path (<c>spec.launchType</c>); Message is the text after "field: " (<c>Unsupported value: "FOO": ...</c>).
/// </summary>
public sealed record FieldCause(string Reason, string Field, string Message);
