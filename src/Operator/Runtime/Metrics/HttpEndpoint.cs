using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcsOperator.Runtime.Metrics;

/// <summary>
/// A small Kestrel listener for the metrics or health endpoints, bound with controller-runtime's address syntax
/// (":8080" for every interface, "127.0.0.1:0" for a free loopback port, "0" to disable), over HTTPS when given a
/// certificate.
/// </summary>
public sealed class HttpEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HttpEndpoint(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The address actually bound (the real port when ":0" was asked for).</summary>
    public Uri Address { get; }

    /// <summary>Starts listening, or returns null when the bind address is "0" (disabled).</summary>
    public static async Task<HttpEndpoint?> StartAsync(string bindAddress, Action<IEndpointRouteBuilder> map, CancellationToken cancellationToken, X509Certificate2? certificate = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        var url = ToUrl(bindAddress);
        if (url is null)
        {
            return null;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (certificate is not null)
        {
            url = "https://" + url["http://".Length..];
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(k => k.ConfigureHttpsDefaults(https => https.ServerCertificate = certificate));
        }

        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        map(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new EndpointBindException($"cannot listen on {bindAddress}: {e.Message}", e);
        }

        var bound = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? url;
        return new HttpEndpoint(app, new Uri(bound.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)));
    }

    /// <summary>":8080" → http://0.0.0.0:8080; "host:port" → http://host:port; "0" or empty → null.</summary>
    public static string? ToUrl(string? bindAddress)
    {
        if (string.IsNullOrWhiteSpace(bindAddress) || bindAddress == "0")
        {
            return null;
        }

        if (bindAddress.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            return bindAddress;
        }

        return bindAddress.StartsWith(':') ? $"http://0.0.0.0{bindAddress}" : $"http://{bindAddress}";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The endpoint's address is taken or not allowed: a setup error, reported to the user as one line.</summary>
public sealed class EndpointBindException(string message, Exception inner) : Exception(message, inner);
