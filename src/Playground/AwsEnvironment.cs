namespace EcsOperator.Playground;

/// <summary>
/// The environment every AWS client in the playground runs with: the emulator's endpoint, the region, dummy
/// credentials, and instance metadata disabled, so that nothing ever reaches for a real credential source.
/// </summary>
public static class AwsEnvironment
{
    public const string DummyCredential = "test";

    public static IReadOnlyDictionary<string, string> For(Uri endpoint, string region) => new Dictionary<string, string>
    {
        ["AWS_ENDPOINT_URL"] = endpoint.ToString().TrimEnd('/'),
        ["AWS_REGION"] = region,
        ["AWS_DEFAULT_REGION"] = region,
        ["AWS_ACCESS_KEY_ID"] = DummyCredential,
        ["AWS_SECRET_ACCESS_KEY"] = DummyCredential,
        ["AWS_SESSION_TOKEN"] = DummyCredential,
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    /// <summary>
    /// Sets the variables on this process, for the in-process operator. Must run before its host is built,
    /// because the AWS SDK resolves credentials and region when its clients are created. A profile
    /// (AWS_PROFILE) would win over nothing here, but is cleared anyway so that it cannot leak real credentials in.
    /// </summary>
    public static void ApplyToCurrentProcess(Uri endpoint, string region)
    {
        foreach (var (key, value) in For(endpoint, region))
        {
            Environment.SetEnvironmentVariable(key, value);
        }

        Environment.SetEnvironmentVariable("AWS_PROFILE", null);
    }

    /// <summary>The awscli command a newcomer can paste to look at the emulated account.</summary>
    public static string AwsCliExample(Uri endpoint, string region) =>
        $"AWS_ENDPOINT_URL={endpoint.ToString().TrimEnd('/')} AWS_ACCESS_KEY_ID={DummyCredential} AWS_SECRET_ACCESS_KEY={DummyCredential} AWS_DEFAULT_REGION={region} aws ecs list-clusters";
}
