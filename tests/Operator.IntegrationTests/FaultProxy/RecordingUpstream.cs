using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace EcsOperator.IntegrationTests.FaultProxy;

/// <summary>What the upstream received for one request.</summary>
internal sealed record ReceivedRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, byte[] Body);

/// <summary>
/// A loopback upstream that records every request and answers 201 with a recognisable header and a body
/// written in several chunks, to check that the proxy forwards and streams without changing anything. Given an
/// answer gate, it works on each request (as AWS does, whether or not the caller still listens) until the gate opens.
/// </summary>
internal sealed class RecordingUpstream : IAsyncDisposable
{
    public static readonly string[] BodyChunks = ["first chunk;", "second chunk;", "last chunk"];

    private readonly WebApplication _app;
    private readonly List<ReceivedRequest> _received = [];
    private readonly TaskCompletionSource _firstArrival = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _answerGate;
    private int _answered;

    private RecordingUpstream(WebApplication app, Task answerGate)
    {
        _app = app;
        _answerGate = answerGate;
    }

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Completes when the first request has been read in full.</summary>
    public Task FirstArrival => _firstArrival.Task;

    /// <summary>Answers written to the end.</summary>
    public int Answered => Volatile.Read(ref _answered);

    public IReadOnlyList<ReceivedRequest> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<RecordingUpstream> StartAsync(Task? answerGate = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var upstream = new RecordingUpstream(builder.Build(), answerGate ?? Task.CompletedTask);
        upstream._app.Run(upstream.AnswerAsync);
        await upstream._app.StartAsync();
        var address = upstream._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        upstream.Endpoint = new Uri(address);
        return upstream;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        lock (_received)
        {
            _received.Add(new ReceivedRequest(context.Request.Method, rawTarget, headers, body.ToArray()));
        }

        _firstArrival.TrySetResult();
        await _answerGate;

        context.Response.StatusCode = StatusCodes.Status201Created;
        context.Response.Headers["x-amzn-RequestId"] = "upstream-request-id";
        context.Response.Headers["X-Upstream-Marker"] = "seen";
        foreach (var chunk in BodyChunks)
        {
            await context.Response.WriteAsync(chunk);
            await context.Response.Body.FlushAsync();
        }

        Interlocked.Increment(ref _answered);
    }
}
