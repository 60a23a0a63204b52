using System.Text.Json;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.FaultProxy;

/// <summary>
/// moto with SigV4 verification on (INITIAL_NO_AUTH_ACTION_COUNT): the first three calls create an IAM user
/// with an allow-all inline policy and an access key; every later call must be signed with that key.
/// </summary>
public sealed class SignatureCheckingMoto : IAsyncLifetime
{
    private const string AllowAll = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";

    public MotoServer Moto { get; } = new();

    public string AccessKeyId { get; private set; } = string.Empty;

    public string SecretAccessKey { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        Moto.ServerEnvironment["INITIAL_NO_AUTH_ACTION_COUNT"] = "3";
        await Moto.InitializeAsync();
        var user = TestNames.Unique("fp-signer");
        await AwsCli.RunOkAsync(Moto.ClientEnvironment, "iam", "create-user", "--user-name", user);
        await AwsCli.RunOkAsync(Moto.ClientEnvironment, "iam", "put-user-policy", "--user-name", user, "--policy-name", "all", "--policy-document", AllowAll);
        var key = JsonDocument.Parse(await AwsCli.RunOkAsync(Moto.ClientEnvironment, "iam", "create-access-key", "--user-name", user)).RootElement.GetProperty("AccessKey");
        AccessKeyId = key.GetProperty(nameof(AccessKeyId)).GetString()!;
        SecretAccessKey = key.GetProperty(nameof(SecretAccessKey)).GetString()!;
    }

    /// <summary>Environment for awscli signing with the real key (or a wrong secret) against <paramref name="endpoint"/>, without retries.</summary>
    public Dictionary<string, string> ClientEnvironment(Uri endpoint, string? secret = null) => new(Moto.ClientEnvironment)
    {
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = secret ?? SecretAccessKey,
        ["AWS_SESSION_TOKEN"] = string.Empty,
        ["AWS_ENDPOINT_URL"] = endpoint.ToString().TrimEnd('/'),
        ["AWS_MAX_ATTEMPTS"] = "1",
        ["AWS_RETRY_MODE"] = "standard",
    };

    public ValueTask DisposeAsync() => Moto.DisposeAsync();
}
