using System.Diagnostics;
using System.Globalization;
using System.Text;
using EcsOperator.Aws.Ecs;
using EcsOperator.IntegrationTests.Aws;
using EcsOperator.IntegrationTests.Controllers;
using EcsOperator.IntegrationTests.Runtime;
using EcsOperator.Testing;
using k8s;
using LocalKube;
using Xunit;

namespace EcsOperator.IntegrationTests.Image;

/// <summary>
/// The published operator (<see cref="PublishedImage"/>) run as the image runs it, as far as a machine without a
/// container engine allows: bubblewrap maps it to the runtime stage's USER (65532) in a user namespace, the whole
/// root filesystem is read-only, /tmp is an empty tmpfs, and the environment is only the image's ENV plus what a
/// pod would get (the AWS endpoint and dummy credentials). It talks to LocalKube on loopback, and to moto through the
/// fault proxy (as every integration fixture does), so that its AWS calls are counted and recorded too.
/// Started by the first test that asks (so that a missing tool skips that test, not the fixture); stopped by PID on
/// dispose; bwrap's --die-with-parent also takes it down if the test host dies.
/// </summary>
public sealed class SandboxedOperator : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _started;
    private string? _bwrap;
    private PublishedImage? _image;
    private Process? _process;
    private LocalKubeServer? _kube;
    private global::AwsFaultProxy.FaultProxy? _proxy;

    public MotoServer Moto { get; } = new();

    public KubeObjects Objects { get; private set; } = null!;

    public IEcsApi Ecs { get; private set; } = null!;

    public Uri MetricsAddress { get; private set; } = null!;

    public Uri HealthAddress { get; private set; } = null!;

    /// <summary>What the operator printed so far (stdout and stderr), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the stack once; later calls return it running.</summary>
    public async Task<SandboxedOperator> StartedAsync()
    {
        await _gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!_started)
            {
                await StartAsync(TestContext.Current.CancellationToken);
                _started = true;
            }

            return this;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task StartAsync(CancellationToken ct)
    {
        var bwrap = _bwrap = await RequireUserNamespacesAsync(ct);
        var image = _image = await PublishedImage.GetAsync(ct);
        await Moto.InitializeAsync();
        _proxy = await global::AwsFaultProxy.FaultProxy.StartAsync(new global::AwsFaultProxy.FaultProxyOptions { Upstream = Moto.Endpoint }, ct);
        _kube = await LocalKubeServer.StartAsync(new LocalKubeOptions { Port = FreePort.Next(), CrdDirectory = RepositoryRoot.Combine("config", "crds") }, ct);
        Objects = new KubeObjects(new Kubernetes(new KubernetesClientConfiguration { Host = _kube.BaseUri.ToString() }));
        Ecs = MotoAws.Factory(Moto).CreateEcs();
        var leaseNamespace = await Objects.CreateNamespaceAsync(TestNames.Unique("ecs-operator-system"));
        // The image's default: HTTPS with a self-signed certificate made at start, scrapes checked by TokenReview and SAR.
        MetricsAddress = new Uri($"https://127.0.0.1:{FreePort.Next()}");
        HealthAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");

        _process = Start(bwrap, image, SandboxArgs(image), [.. image.Command,
            "--kubeconfig", _kube.Kubeconfig.Path,
            "--region", MotoServer.Region,
            "--aws-endpoint-url", _proxy.Endpoint.ToString(),
            "--cluster-id", "image-test",
            "--leader-elect", "--leader-election-namespace", leaseNamespace,
            "--metrics-bind-address", MetricsAddress.Authority,
            "--health-probe-bind-address", HealthAddress.Authority]);
        await WaitReadyAsync(ct);
    }

    /// <summary>
    /// A client that scrapes /metrics as Prometheus does with the chart's ServiceMonitor: a bearer token (LocalKube's
    /// TokenReview accepts any) and the self-signed certificate not verified.
    /// </summary>
    public static HttpClient MetricsClient()
    {
        var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator });
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sandbox-scraper");
        return http;
    }

    /// <summary>Runs another command in the operator's sandbox (same user, mounts and environment), to check the sandbox itself.</summary>
    public Task<ProcessResult> RunInSandboxAsync(IEnumerable<string> command) =>
        ProcessRunner.RunAsync(_bwrap!, [.. SandboxArgs(_image!), .. command], cancellationToken: TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        _gate.Dispose();
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }

            process.Dispose();
        }

        return DisposeServersAsync();
    }

    private async ValueTask DisposeServersAsync()
    {
        if (_kube is not null)
        {
            await _kube.DisposeAsync();
        }

        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        await Moto.DisposeAsync();
    }

    private static async Task<string> RequireUserNamespacesAsync(CancellationToken ct)
    {
        var bwrap = DebianTools.RequireBwrap();
        var probe = await ProcessRunner.RunAsync(bwrap, ["--unshare-user", "--uid", "65532", "--ro-bind", "/", "/", "--", "true"], cancellationToken: ct);
        if (probe.ExitCode != 0)
        {
            Assert.Skip($"bubblewrap cannot create a user namespace here (blocked by the kernel or the container): {probe.StdErr.Trim()}");
        }

        return bwrap;
    }

    /// <summary>The image's USER, a read-only /, a fresh /tmp, and read-only binds of the app and the kubeconfig.</summary>
    private List<string> SandboxArgs(PublishedImage image)
    {
        var user = image.Runtime.Last("USER")!.Arguments.Split(':');
        var kubeconfigDirectory = Path.GetDirectoryName(_kube!.Kubeconfig.Path)!;
        List<string> args = ["--unshare-user", "--uid", user[0], "--gid", user.ElementAtOrDefault(1) ?? user[0], "--die-with-parent",
            "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp",
            "--ro-bind", image.AppDirectory, image.AppDirectory,
            "--ro-bind", kubeconfigDirectory, kubeconfigDirectory,
            "--clearenv", "--setenv", "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "--setenv", "HOME", "/"]; // Docker's HOME for a numeric USER without a passwd entry
        foreach (var (key, value) in image.Runtime.Environment().Concat(Moto.ClientEnvironment))
        {
            args.AddRange(["--setenv", key, value]);
        }

        return [.. args, "--"];
    }

    private Process Start(string bwrap, PublishedImage image, List<string> sandbox, IReadOnlyList<string> command)
    {
        var psi = new ProcessStartInfo(bwrap) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = image.AppDirectory };
        foreach (var arg in sandbox.Concat(command))
        {
            psi.ArgumentList.Add(arg);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("bwrap did not start");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private async Task WaitReadyAsync(CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var readyz = new Uri(HealthAddress, "/readyz");
        var ready = await Eventually.TrueAsync(
            async () =>
            {
                if (_process!.HasExited)
                {
                    return true; // reported below, with its output
                }

                try
                {
                    return (await http.GetAsync(readyz, ct)).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            TimeSpan.FromSeconds(60));
        if (!ready || _process!.HasExited)
        {
            var exit = _process!.HasExited ? _process.ExitCode.ToString(CultureInfo.InvariantCulture) : "still running";
            throw new InvalidOperationException($"the sandboxed operator did not become ready (exit: {exit}):\n{Output}");
        }
    }
}
