using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Identity;
using EcsOperator.Aws;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.Ecs.Model;
using EcsOperator.Aws.Protocols;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.Aws;

/// <summary>Tests that change process environment variables run alone, never beside another test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment";
}

/// <summary>
/// AWSSDK.Core's default credential chain, as the operator uses it (no explicit credentials): environment, a
/// profile in HOME, IRSA web identity exchanged at (moto's) STS, and EKS Pod Identity container credentials.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class CredentialChainTests(MotoServer moto) : IClassFixture<MotoServer>, IDisposable
{
    private static readonly string[] ChainVariables =
    [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
        "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN",
        "AWS_ROLE_SESSION_NAME", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", "AWS_ENDPOINT_URL_STS", "AWS_REGION", "AWS_EC2_METADATA_DISABLED", "HOME",
    ];

    private readonly Dictionary<string, string?> _saved = ChainVariables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
    private readonly string _home = Directory.CreateTempSubdirectory("ecs-operator-creds-").FullName;
    private readonly CredentialEndpoint _endpoint = new("pod-identity-token-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        AWSConfigs.AWSProfilesLocation = null;
        _endpoint.Dispose();
        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public async Task Environment_credentials_sign_the_call()
    {
        UseOnly(("AWS_ACCESS_KEY_ID", "AKIDFROMENV"), ("AWS_SECRET_ACCESS_KEY", "env-secret"));

        await CallEcsAsync();

        Assert.Contains("Credential=AKIDFROMENV/", Assert.Single(_endpoint.Authorizations), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_profile_in_home_signs_the_call()
    {
        var aws = Directory.CreateDirectory(Path.Combine(_home, ".aws")).FullName;
        await File.WriteAllTextAsync(Path.Combine(aws, "credentials"), """
            [default]
            aws_access_key_id = AKIDDEFAULTPROFILE
            aws_secret_access_key = default-secret

            [operator]
            aws_access_key_id = AKIDOPERATORPROFILE
            aws_secret_access_key = operator-secret
            """, Ct);
        UseOnly(("HOME", _home), ("AWS_PROFILE", "operator"));
        // Core reads HOME (and AWS_SHARED_CREDENTIALS_FILE) once per process, in a static constructor that an earlier
        // test may already have run; its per-process override points the same chain at this HOME's file.
        AWSConfigs.AWSProfilesLocation = Path.Combine(aws, "credentials");

        await CallEcsAsync();

        Assert.Contains("Credential=AKIDOPERATORPROFILE/", Assert.Single(_endpoint.Authorizations), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_web_identity_token_is_exchanged_at_sts_for_session_credentials()
    {
        var token = Path.Combine(_home, "token");
        await File.WriteAllTextAsync(token, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6ZWNzOm9wZXJhdG9yIn0.c2ln", Ct);
        UseOnly(
            ("HOME", _home),
            ("AWS_WEB_IDENTITY_TOKEN_FILE", token),
            ("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/ecs-operator"),
            ("AWS_ROLE_SESSION_NAME", "ecs-operator"),
            ("AWS_ENDPOINT_URL_STS", moto.Endpoint.ToString().TrimEnd('/')));

        await CallEcsAsync();

        var authorization = Assert.Single(_endpoint.Authorizations);
        Assert.Matches("Credential=ASIA[A-Z0-9]+/", authorization);
        Assert.False(string.IsNullOrEmpty(Assert.Single(_endpoint.SecurityTokens)), "STS session credentials carry a session token");
    }

    [Fact]
    public async Task Eks_pod_identity_credentials_come_from_the_container_endpoint_with_the_token_file()
    {
        var token = Path.Combine(_home, "eks-pod-identity-token");
        await File.WriteAllTextAsync(token, _endpoint.PodIdentityToken, Ct);
        UseOnly(
            ("HOME", _home),
            ("AWS_CONTAINER_CREDENTIALS_FULL_URI", new Uri(_endpoint.Url, "/creds").ToString()),
            ("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", token));

        await CallEcsAsync();

        Assert.Contains("Credential=AKIDPODIDENTITY/", Assert.Single(_endpoint.Authorizations), StringComparison.Ordinal);
        Assert.Equal("pod-session", Assert.Single(_endpoint.SecurityTokens));
        Assert.True(_endpoint.CredentialRequests >= 1);
    }

    /// <summary>Clears every variable the chain reads, then sets these (plus region and no instance metadata).</summary>
    private void UseOnly(params (string Name, string Value)[] variables)
    {
        foreach (var name in ChainVariables)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        Environment.SetEnvironmentVariable("HOME", _home);
        Environment.SetEnvironmentVariable("AWS_REGION", MotoServer.Region);
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
        foreach (var (name, value) in variables)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    private async Task CallEcsAsync()
    {
        var factory = new AwsClientFactory(new AwsClientOptions { Region = MotoServer.Region, EndpointUrl = _endpoint.Url.ToString().TrimEnd('/') });
        var config = factory.Configure(new EcsConfig());
        config.IdentityResolverConfiguration = new FreshChain();
        using var ecs = new EcsClient(new JsonProtocolClient(null, config, "AmazonEC2ContainerServiceV20141113", EcsErrors.Create));
        var response = await ecs.ListServicesAsync(new ListServicesRequest { Cluster = "default" }, Ct);
        Assert.Empty(response.ServiceArns!);
    }

    /// <summary>
    /// Core's default chain caches what it resolved process-wide and only notices changed access-key or profile
    /// variables; each test gets a fresh chain so that one test's credentials never leak into the next.
    /// </summary>
    private sealed class FreshChain : IIdentityResolverConfiguration
    {
        private readonly DefaultAWSCredentialsIdentityResolver _credentials = new();

        public IIdentityResolver GetIdentityResolver<T>()
            where T : BaseIdentity =>
            typeof(T) == typeof(AWSCredentials) ? _credentials : DefaultIdentityResolverConfiguration.Instance.GetIdentityResolver<T>();
    }
}
