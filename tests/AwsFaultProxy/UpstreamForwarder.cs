using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace AwsFaultProxy;

/// <summary>
/// Sends a request on to the upstream unchanged (method, raw path and query, headers including Authorization
/// and X-Amz-*, body) except for hop-by-hop headers and Host, which becomes the upstream's unless
/// <paramref name="preserveHost"/> keeps the client's (then SigV4 signatures still verify upstream).
/// </summary>
internal sealed class UpstreamForwarder(Uri upstream, TimeSpan timeout, bool preserveHost) : IDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "TE", "Trailer", "Upgrade",
        "Proxy-Connection", "Proxy-Authorization", "Proxy-Authenticate", "Expect",
    };

    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    {
        Timeout = timeout,
    };

    private readonly string _origin = upstream.GetLeftPart(UriPartial.Authority);

    public async Task<HttpResponseMessage> SendAsync(HttpContext context, byte[] body, CancellationToken cancellationToken)
    {
        var incoming = context.Request;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var target = string.IsNullOrEmpty(rawTarget) ? incoming.Path + incoming.QueryString : rawTarget;
        using var message = new HttpRequestMessage(new HttpMethod(incoming.Method), new Uri(_origin + target))
        {
            Version = HttpVersion.Version11,
        };
        if (preserveHost)
        {
            message.Headers.Host = incoming.Host.Value;
        }

        if (body.Length > 0 || incoming.ContentLength is not null || HttpMethods.IsPost(incoming.Method) || HttpMethods.IsPut(incoming.Method))
        {
            message.Content = new ByteArrayContent(body);
        }

        foreach (var (name, values) in incoming.Headers)
        {
            if (HopByHop.Contains(name) || name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!message.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        return await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    /// <summary>Sends a request the proxy built itself (the ECS front's reads) to the upstream's root.</summary>
    public async Task<HttpResponseMessage> SendOwnAsync(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        message.RequestUri = new Uri(_origin + "/");
        return await _client.SendAsync(message, cancellationToken);
    }

    /// <summary>Copies status and headers, then streams the body to the client.</summary>
    public static async Task CopyResponseAsync(HttpResponseMessage upstreamResponse, HttpResponse response, CancellationToken cancellationToken)
    {
        response.StatusCode = (int)upstreamResponse.StatusCode;
        foreach (var (name, values) in upstreamResponse.Headers.Concat(upstreamResponse.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                response.Headers[name] = values.ToArray();
            }
        }

        await upstreamResponse.Content.CopyToAsync(response.Body, cancellationToken);
    }

    public void Dispose() => _client.Dispose();
}
