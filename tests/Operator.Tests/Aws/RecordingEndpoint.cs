using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Amazon.Runtime;
using EcsOperator.Aws;
using EcsOperator.Aws.Budget;
using EcsOperator.Aws.Core;
using EcsOperator.Aws.Metrics;
using EcsOperator.Testing;

namespace EcsOperator.Tests.Aws;

/// <summary>One request as the AWS client sent it.</summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>One canned response.</summary>
public sealed record CannedResponse(int Status, string Body, string ContentType = "application/x-amz-json-1.1", IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// A loopback HTTP endpoint that records what the client sends and answers with recorded AWS responses, in order
/// (the last one repeats). It lets the protocol tests run the whole client stack (marshal, sign, send, retry,
/// unmarshal) without moto.
/// </summary>
public sealed class RecordingEndpoint : IDisposable
{
    private readonly CannedResponse[] _responses;
    private readonly LoopbackHttpServer _server;
    private int _served;

    public RecordingEndpoint(params CannedResponse[] responses)
    {
        _responses = responses;
        _server = new LoopbackHttpServer(AnswerAsync);
    }

    public int Port => _server.Port;

    public Uri Url => _server.Url;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public RecordedRequest Single => Requests.Single();

    /// <summary>Clients for this endpoint with dummy credentials, fast retries and their own metrics registry.</summary>
    public AwsClientFactory Factory(string accessKey = "AKIDTEST", int maxErrorRetry = 3) =>
        new(
            new AwsClientOptions
            {
                Region = "us-east-1",
                EndpointUrl = Url.ToString().TrimEnd('/'),
                Credentials = new BasicAWSCredentials(accessKey, "secret"),
                Retry = new AwsRetryOptions { MaxErrorRetry = maxErrorRetry, MaxBackoff = TimeSpan.FromMilliseconds(5) },
            },
            new AwsCallAccounting(new AwsCallBudget(new AwsBudgetOptions()), new AwsMetrics(Prometheus.Metrics.NewCustomRegistry())));

    public void Dispose() => _server.Dispose();

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
        Requests.Enqueue(new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, headers, body));

        var canned = _responses[Math.Min(Interlocked.Increment(ref _served) - 1, _responses.Length - 1)];
        context.Response.StatusCode = canned.Status;
        context.Response.ContentType = canned.ContentType;
        context.Response.Headers["x-amzn-RequestId"] = "req-" + _served;
        foreach (var (k, v) in canned.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[k] = v;
        }

        var bytes = Encoding.UTF8.GetBytes(canned.Body);
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
    }
}
