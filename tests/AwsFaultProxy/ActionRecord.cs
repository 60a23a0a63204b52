namespace AwsFaultProxy;

/// <summary>
/// Every AWS action the proxy forwarded or answered, as IAM names it (<c>ecs:CreateService</c>: the signing name is
/// the IAM prefix), for the IAM least-privilege test. Unlike the journal it is never truncated. With a path (option
/// <see cref="FaultProxyOptions.ActionLogPath"/>, or the environment variable <see cref="PathVariable"/>) each new
/// action is also appended to that file as one line, so that several proxies and test processes add to one record.
/// </summary>
public sealed class ActionRecord(string? appendPath)
{
    public const string PathVariable = "AWS_FAULT_PROXY_ACTION_LOG";

    private readonly Lock _lock = new();
    private readonly HashSet<string> _actions = new(StringComparer.Ordinal);

    /// <summary>The file new actions are appended to, or null.</summary>
    public string? AppendPath => appendPath;

    public IReadOnlySet<string> Actions
    {
        get
        {
            lock (_lock)
            {
                return _actions.ToHashSet(StringComparer.Ordinal);
            }
        }
    }

    /// <summary>The actions a record file holds (several writers may have repeated a line).</summary>
    public static IReadOnlySet<string> ReadFile(string path) =>
        File.Exists(path) ? File.ReadLines(path).Where(l => l.Length > 0).ToHashSet(StringComparer.Ordinal) : new HashSet<string>();

    public void Add(AwsOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation.Operation.Length == 0 || operation.Service.Length == 0)
        {
            return;
        }

        var action = $"{operation.Service}:{operation.Operation}";
        lock (_lock)
        {
            if (_actions.Add(action) && appendPath is not null)
            {
                File.AppendAllText(appendPath, action + "\n");
            }
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _actions.Clear();
        }
    }
}
