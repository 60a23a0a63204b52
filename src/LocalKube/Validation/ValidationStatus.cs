using System.Text.Json.Nodes;
using LocalKube.Server;

namespace LocalKube.Validation;

/// <summary>
/// The strict decoder's 400 for undeclared fields. Field errors become 422 Invalid through
/// <see cref="Statuses.Invalid"/>, the one builder every write path uses.
/// </summary>
public static class ValidationStatus
{
    /// <summary>400 BadRequest for fieldValidation=Strict with undeclared fields, as the strict decoder words it.</summary>
    public static JsonObject StrictUnknownFields(string kind, string version, IReadOnlyList<string> unknownFields)
    {
        var fields = string.Join(", ", unknownFields.Select(f => $"unknown field {GoFormat.Quote(f)}"));
        var message = $"{kind} in version {GoFormat.Quote(version)} cannot be handled as a {kind}: strict decoding error: {fields}";
        return Statuses.Failure(400, "BadRequest", message);
    }
}
