using System.Text.Json.Nodes;

namespace LocalKube.Apply;

/// <summary>One field another manager owns with a different value than the apply request sets.</summary>
public sealed record ApplyConflict(ManagedFieldsEntry Owner, IReadOnlyList<string> Path)
{
    public string PathText => FieldSet.Display(Path);

    /// <summary>
    /// The 409 Conflict Status the apiserver returns (reason Conflict, causes of type FieldManagerConflict), worded
    /// as fieldmanager's getConflictMessage so kubectl prints its usual text and suggests --force-conflicts.
    /// </summary>
    public static JsonObject Status(IReadOnlyList<ApplyConflict> conflicts)
    {
        string message;
        if (conflicts.Count == 1)
        {
            message = $"Apply failed with 1 conflict: conflict with {conflicts[0].Owner.Describe()}: {conflicts[0].PathText}";
        }
        else
        {
            var lines = conflicts.GroupBy(c => c.Owner.Describe()).OrderBy(g => g.Key, StringComparer.Ordinal)
                .SelectMany(g => g.Select(c => $"- {c.PathText}").Prepend($"conflicts with {g.Key}:"));
            message = $"Apply failed with {conflicts.Count} conflicts: {string.Join('\n', lines)}";
        }

        var causes = new JsonArray(conflicts.Select(c => (JsonNode)new JsonObject
        {
            ["reason"] = "FieldManagerConflict",
            ["message"] = $"conflict with {c.Owner.Describe()}",
            ["field"] = c.PathText,
        }).ToArray());
        return Server.Statuses.Failure(409, "Conflict", message, new JsonObject { ["causes"] = causes });
    }
}

/// <summary>Thrown by <see cref="ServerSideApply"/> when conflicts block an apply without force.</summary>
public sealed class ApplyConflictException : Exception
{
    public ApplyConflictException()
        : this([])
    {
    }

    public ApplyConflictException(string message)
        : base(message) => Conflicts = [];

    public ApplyConflictException(string message, Exception innerException)
        : base(message, innerException) => Conflicts = [];

    public ApplyConflictException(IReadOnlyList<ApplyConflict> conflicts)
        : this(conflicts, ApplyConflict.Status(conflicts))
    {
    }

    private ApplyConflictException(IReadOnlyList<ApplyConflict> conflicts, JsonObject status)
        : base(status["message"]!.GetValue<string>())
    {
        Conflicts = conflicts;
        Status = status;
    }

    public IReadOnlyList<ApplyConflict> Conflicts { get; }

    public JsonObject Status { get; } = new();
}
