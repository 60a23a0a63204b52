namespace EcsOperator.Aws.Core;

/// <summary>
/// Names this operator process in the User-Agent of every AWS call (Core appends it as <c>app/{id}</c>), so that
/// CloudTrail, or a test's proxy, tells two replicas apart: <c>ecs-operator.{POD_NAME}</c> when POD_NAME is set
/// (from the downward API), else <c>ecs-operator.pid-{process id}</c>. AWS_SDK_UA_APP_ID, when set, wins.
/// </summary>
public static class InstanceUserAgent
{
    public const string PodNameVariable = "POD_NAME";

    /// <summary>Core refuses app ids longer than this.</summary>
    private const int MaxLength = 50;

    public static string? AppId { get; } = Build(Environment.GetEnvironmentVariable("AWS_SDK_UA_APP_ID"), Environment.GetEnvironmentVariable(PodNameVariable), Environment.ProcessId);

    public static string? Build(string? explicitAppId, string? podName, int processId)
    {
        if (!string.IsNullOrEmpty(explicitAppId))
        {
            return null; // Core reads AWS_SDK_UA_APP_ID itself
        }

        var id = $"ecs-operator.{(string.IsNullOrWhiteSpace(podName) ? $"pid-{processId}" : podName.Trim())}";
        return id.Length <= MaxLength ? id : id[..MaxLength];
    }
}
