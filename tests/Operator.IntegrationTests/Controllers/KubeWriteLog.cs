using System.Collections.Concurrent;
using LocalKube.Extensibility;
using Microsoft.AspNetCore.Http;

namespace EcsOperator.IntegrationTests.Controllers;

/// <summary>
/// LocalKube's request log for the tests: every write (POST, PUT, PATCH, DELETE) with its path, client and body, so
/// that a test can say what the operator changed through the API server, not only what the objects look like after.
/// It is a request handler that answers nothing: it reads the body (buffered, so that LocalKube reads it again) and
/// lets the request through.
/// </summary>
public sealed class KubeWriteLog : IRequestHandler
{
    private readonly ConcurrentQueue<KubeWrite> _writes = new();
    private long _sequence;

    /// <summary>The writes so far, in arrival order.</summary>
    public IReadOnlyList<KubeWrite> Writes => [.. _writes.OrderBy(w => w.Sequence)];

    /// <summary>The sequence number of the last write so far: pass it to <see cref="Since"/> to see only what comes after.</summary>
    public long Mark => Interlocked.Read(ref _sequence);

    public IReadOnlyList<KubeWrite> Since(long mark) => [.. Writes.Where(w => w.Sequence > mark)];

    public async Task<bool> TryHandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return false;
        }

        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        request.Body.Position = 0;
        _writes.Enqueue(new KubeWrite(Interlocked.Increment(ref _sequence), request.Method, request.Path.Value ?? "/", request.Headers.UserAgent.ToString(), request.ContentType, body));
        return false;
    }
}

/// <summary>One write request as LocalKube received it.</summary>
public sealed record KubeWrite(long Sequence, string Method, string Path, string UserAgent, string? ContentType, string Body)
{
    public override string ToString() => $"{Method} {Path} ({UserAgent}) {Body}";
}
