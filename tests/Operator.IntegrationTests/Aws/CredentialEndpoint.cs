using System.Collections.Concurrent;
using System.Net;
using System.Text;
using EcsOperator.Testing;

namespace EcsOperator.IntegrationTests.Aws;

/// <summary>
/// A loopback endpoint for the credential-chain tests. GET /creds answers like the EKS Pod Identity agent (only to
/// the expected bearer token); every other request is recorded and answered as an empty ECS ListServices, so a test
/// can see which access key signed the call.
/// </summary>
internal sealed class CredentialEndpoint : IDisposable
{
    private readonly LoopbackHttpServer _server;

    public CredentialEndpoint(string podIdentityToken)
    {
        PodIdentityToken = podIdentityToken;
        _server = new LoopbackHttpServer(AnswerAsync);
    }

    public string PodIdentityToken { get; }

    public int Port => _server.Port;

    public Uri Url => _server.Url;

    public ConcurrentQueue<string> Authorizations { get; } = new();

    public ConcurrentQueue<string?> SecurityTokens { get; } = new();

    public int CredentialRequests;

    public void Dispose() => _server.Dispose();

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var (status, body) = context.Request.Url!.AbsolutePath == "/creds" ? PodIdentity(context.Request) : Record(context.Request);
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
    }

    private (int, string) PodIdentity(HttpListenerRequest request)
    {
        Interlocked.Increment(ref CredentialRequests);
        if (request.Headers["Authorization"] != PodIdentityToken)
        {
            return (401, """{"message":"bad token"}""");
        }

        var expiration = DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return (200, $$"""{"AccessKeyId":"AKIDPODIDENTITY","SecretAccessKey":"pod-secret","Token":"pod-session","Expiration":"{{expiration}}"}""");
    }

    private (int, string) Record(HttpListenerRequest request)
    {
        Authorizations.Enqueue(request.Headers["Authorization"] ?? string.Empty);
        SecurityTokens.Enqueue(request.Headers["X-Amz-Security-Token"]);
        return (200, """{"serviceArns":[]}""");
    }
}
