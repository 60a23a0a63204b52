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
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public CredentialEndpoint(string podIdentityToken)
    {
        PodIdentityToken = podIdentityToken;
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string PodIdentityToken { get; }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    public ConcurrentQueue<string> Authorizations { get; } = new();

    public ConcurrentQueue<string?> SecurityTokens { get; } = new();

    public int CredentialRequests;

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var (status, body) = context.Request.Url!.AbsolutePath == "/creds" ? PodIdentity(context.Request) : Record(context.Request);
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
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
