namespace EcsOperator.Playground;

/// <summary>A failure the user fixes themselves (a missing tool, a busy port, a bad manifest): one line, no stack trace.</summary>
public sealed class PlaygroundException(string message, Exception? inner = null) : Exception(message, inner);
