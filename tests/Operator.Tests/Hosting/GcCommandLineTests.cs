using System.Net;
using System.Text;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.Tests.Hosting;

/// <summary>`ecs-operator gc` as a user meets it: listed in the help, and every expected failure one clear line.</summary>
public sealed class GcCommandLineTests
{
    private static readonly string OperatorDll = Path.Combine(AppContext.BaseDirectory, "ecs-operator.dll");

    private static Task<ProcessResult> RunOperatorAsync(params string[] args) =>
        ProcessRunner.RunAsync(
            "dotnet",
            [OperatorDll, .. args],
            environment: new Dictionary<string, string>
            {
                ["KUBECONFIG"] = "",
                ["AWS_ACCESS_KEY_ID"] = "testing",
                ["AWS_SECRET_ACCESS_KEY"] = "testing",
                ["AWS_REGION"] = "us-east-1",
            },
            timeout: TimeSpan.FromSeconds(60),
            cancellationToken: TestContext.Current.CancellationToken);

    private static void AssertOneLine(ProcessResult result, string expected)
    {
        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("ecs-operator gc: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", result.StdErr + result.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_gc_and_its_flags()
    {
        var root = await RunOperatorAsync("--help");
        var gc = await RunOperatorAsync("gc", "--help");

        Assert.Equal(0, root.ExitCode);
        Assert.Contains("gc", root.StdOut.Split('\n').Select(l => l.Trim().Split(' ')[0]));
        Assert.Contains("--cluster-id", gc.StdOut, StringComparison.Ordinal);
        Assert.Contains("--confirm", gc.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gc_without_a_cluster_id_is_refused_naming_the_flag()
    {
        var missing = await RunOperatorAsync("gc");
        var empty = await RunOperatorAsync("gc", "--cluster-id", " ");

        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("--cluster-id", missing.StdErr, StringComparison.Ordinal);
        Assert.NotEqual(0, empty.ExitCode);
        Assert.Contains("--cluster-id must not be empty", empty.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_api_server_is_one_line_naming_it()
    {
        var result = await RunOperatorAsync("gc", "--cluster-id", "x", "--kubeconfig", "/nonexistent");

        AssertOneLine(result, "kubeconfig /nonexistent");
    }

    [Fact]
    public async Task An_aws_credentials_error_is_one_line_naming_the_code()
    {
        var kubeconfig = Path.Combine(Path.GetTempPath(), TestNames.Unique("kubeconfig"));
        await using var kube = await LocalKube.LocalKubeServer.StartAsync(new LocalKube.LocalKubeOptions { Port = FreePort.Next(), KubeconfigPath = kubeconfig }, TestContext.Current.CancellationToken);
        using var aws = new RefusingAwsEndpoint();
        try
        {
            var result = await RunOperatorAsync("gc", "--cluster-id", "x", "--kubeconfig", kubeconfig, "--aws-endpoint-url", aws.Url, "--region", "us-east-1");

            AssertOneLine(result, "UnrecognizedClientException");
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    /// <summary>An AWS JSON endpoint that refuses every request as AWS does a bad access key.</summary>
    private sealed class RefusingAwsEndpoint : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _serving;

        public RefusingAwsEndpoint()
        {
            var port = FreePort.Next();
            Url = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(Url + "/");
            _listener.Start();
            _serving = ServeAsync();
        }

        public string Url { get; }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                var body = Encoding.UTF8.GetBytes("""{"__type":"UnrecognizedClientException","message":"The security token included in the request is invalid."}""");
                context.Response.StatusCode = 400;
                context.Response.ContentType = "application/x-amz-json-1.1";
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
    }
}
