namespace EcsOperator.Runtime.Reconcile;

/// <summary>
/// A failure only a human can fix (invalid spec, access denied, a name taken by an unowned resource). The runtime does
/// not retry it until the object changes: a new generation, new annotations, or a deletion.
/// </summary>
public class TerminalReconcileException : Exception
{
    public TerminalReconcileException()
    {
    }

    public TerminalReconcileException(string message)
        : base(message)
    {
    }

    public TerminalReconcileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The CamelCase reason reported in conditions and events, for example InvalidSpec.</summary>
    public string Reason { get; init; } = "TerminalError";

    /// <summary>
    /// Set by a reconciler that has already written Stalled and recorded the event itself, so that the runtime only
    /// parks the object instead of reporting the error a second time.
    /// </summary>
    public bool AlreadyReported { get; init; }
}
