using System.IO.Pipelines;
using System.Net;
using System.Text;
using EcsOperator.Entities;
using EcsOperator.Runtime.Cache;
using EcsOperator.Runtime.Client;
using EcsOperator.Testing;
using k8s;
using Microsoft.Extensions.Logging;
using Xunit;

namespace EcsOperator.Tests.Runtime.Cache;

/// <summary>
/// One object that cannot be read (a stale schema let a wrong type in, say) must not stop the list or the watch of
/// its kind: client-go's reflector fails the whole list on it and never syncs. Ours skips it with a warning.
/// The API is canned HTTP, so the real KubeClient and KubernetesClient do the decoding.
/// </summary>
public sealed class InformerUndecodableTests : IDisposable
{
    private const string Ns = "team";
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggers;
    private readonly CannedApi _api = new();
    private readonly CancellationTokenSource _stop = new();

    public InformerUndecodableTests() => _loggers = LoggerFactory.Create(b => b.AddProvider(_logs));

    private static string Service(string name, string rv, string desiredCount) =>
        $$$"""{"apiVersion":"ecs.operator.dev/v1alpha1","kind":"Service","metadata":{"name":"{{{name}}}","namespace":"{{{Ns}}}","resourceVersion":"{{{rv}}}"},"spec":{"cluster":"demo","taskDefinition":"web:1","desiredCount":{{{desiredCount}}}}}""";

    [Fact]
    public async Task A_list_page_with_one_bad_item_syncs_the_others_and_warns_about_it()
    {
        _api.List = $$"""{"apiVersion":"v1","kind":"List","metadata":{"resourceVersion":"10"},"items":[{{Service("a", "7", "1")}},{{Service("b", "8", "\"many\"")}},{{Service("c", "9", "3")}}]}""";

        var informer = await StartAsync();

        Assert.Equal(["a", "c"], informer.Cache.List().Select(s => s.Metadata.Name).Order());
        var warning = Assert.Single(_logs.Lines, l => l.Level == LogLevel.Warning);
        Assert.Contains("Path: $.spec.desiredCount", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Skipped Service team/b at resourceVersion 8", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_watch_event_with_a_bad_object_drops_the_stale_copy_and_the_watch_goes_on()
    {
        _api.List = $$"""{"apiVersion":"v1","kind":"List","metadata":{"resourceVersion":"10"},"items":[{{Service("a", "7", "1")}},{{Service("b", "8", "2")}}]}""";
        _api.Watch = $$"""
            {"type":"MODIFIED","object":{{Service("b", "11", "\"many\"")}}}
            {"type":"ADDED","object":{{Service("d", "12", "4")}}}

            """;
        var deleted = new List<string>();
        var informer = await StartAsync(e =>
        {
            if (e.Type == InformerEventType.Deleted)
            {
                deleted.Add(e.Object.Metadata.Name);
            }
        });

        Assert.True(await Eventually.TrueAsync(() => informer.ResourceVersion == "12"), "the event after the bad one never arrived");
        Assert.Equal(["a", "d"], informer.Cache.List().Select(s => s.Metadata.Name).Order());
        Assert.Equal(["b"], deleted);
        Assert.Contains(_logs.Lines, l => l.Level == LogLevel.Warning && l.Message.StartsWith("Skipped Service team/b at resourceVersion 11", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, l => l.Message.StartsWith("Watch of", StringComparison.Ordinal));
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _loggers.Dispose();
        _api.Dispose();
    }

    private async Task<Informer<V1alpha1Service>> StartAsync(Action<InformerEvent<V1alpha1Service>>? subscriber = null)
    {
        var kubernetes = new Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:9" }, _api);
        var informer = new Informer<V1alpha1Service>(new KubeClient(kubernetes), new ShardScope(Ns, LabelSelector.Everything), _loggers.CreateLogger<Informer<V1alpha1Service>>(), []);
        if (subscriber is not null)
        {
            informer.Subscribe(subscriber);
        }

        _ = informer.RunAsync(_stop.Token);
        await informer.WaitForSyncAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        return informer;
    }

    /// <summary>Answers the list with <see cref="List"/>, the first watch with <see cref="Watch"/> (when set), other watches with a stream that stays open.</summary>
    private sealed class CannedApi : DelegatingHandler
    {
        private readonly Pipe _idle = new();
        private int _watches;

        public string List { get; set; } = """{"metadata":{"resourceVersion":"1"},"items":[]}""";

        public string Watch { get; set; } = string.Empty;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var isWatch = request.RequestUri!.Query.Contains("watch=true", StringComparison.Ordinal);
            HttpContent content = !isWatch
                ? new StringContent(List, Encoding.UTF8, "application/json")
                : Interlocked.Increment(ref _watches) == 1 && Watch.Length > 0 ? new StringContent(Watch, Encoding.UTF8, "application/json") : new StreamContent(_idle.Reader.AsStream());
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }

        protected override void Dispose(bool disposing)
        {
            _idle.Writer.Complete();
            base.Dispose(disposing);
        }
    }
}
