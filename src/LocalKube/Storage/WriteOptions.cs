using System.Text.Json.Nodes;
using LocalKube.Extensibility;

namespace LocalKube.Storage;

/// <summary>Query parameters that shape a write: dryRun, fieldManager, fieldValidation, force.</summary>
public sealed record WriteOptions
{
    public static WriteOptions Default { get; } = new();

    public bool DryRun { get; init; }

    public string? FieldManager { get; init; }

    public FieldValidationMode FieldValidation { get; init; } = FieldValidationMode.Strict;

    public bool Force { get; init; }
}

/// <summary>The stored object after a write (a private copy), the validators' warnings, and whether it was created.</summary>
public sealed record WriteResult(JsonObject Object, IReadOnlyList<string> Warnings, bool Created);

/// <summary>
/// The answer to a DELETE: the object (marked with deletionTimestamp while finalizers remain, or its final state),
/// and whether it is gone now.
/// </summary>
public sealed record DeleteResult(JsonObject Object, bool Removed);

/// <summary>DeleteOptions.preconditions.</summary>
public sealed record DeletePreconditions(string? Uid, string? ResourceVersion);
