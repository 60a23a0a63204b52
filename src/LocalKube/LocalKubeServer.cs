using System.Net;
using System.Security.Cryptography.X509Certificates;
using LocalKube.Access;
using LocalKube.Audit;
using LocalKube.Extensibility;
using LocalKube.Faults;
using LocalKube.Registry;
using LocalKube.Server;
using LocalKube.Storage;
using LocalKube.Watch;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace LocalKube;

/// <summary>
/// An in-memory Kubernetes API server on Kestrel, for tests and the playground:
/// <c>await using var kube = await LocalKubeServer.StartAsync(new LocalKubeOptions());</c>.
/// </summary>
public sealed class LocalKubeServer : IAsyncDisposable
{
    private WebApplication _app;
    private Func<WebApplication> _restart = null!;
    private readonly string? _tempDirectory;

    private LocalKubeServer(WebApplication app, ResourceService service, ServerParts parts, Kubeconfig kubeconfig, Uri baseUri, string? tempDirectory)
    {
        _app = app;
        Service = service;
        Faults = parts.Faults;
        Requests = parts.Requests;
        Access = parts.Access;
        Kubeconfig = kubeconfig;
        BaseUri = baseUri;
        _tempDirectory = tempDirectory;
    }

    public Kubeconfig Kubeconfig { get; }

    /// <summary>http(s)://127.0.0.1:port/</summary>
    public Uri BaseUri { get; }

    public LocalKubeFaults Faults { get; }

    /// <summary>Every request served over HTTP, as the authorizer sees it (verb, resource, user agent).</summary>
    public RequestRecord Requests { get; }

    /// <summary>What TokenReview and SubjectAccessReview answer: allow-all unless a test adds a denial.</summary>
    public LocalKubeAccess Access { get; }

    /// <summary>The API verbs, for in-process seeding and for extensions.</summary>
    public ResourceService Service { get; }

    public ResourceTypeRegistry Registry => Service.Registry;

    public static async Task<LocalKubeServer> StartAsync(LocalKubeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var store = new ObjectStore(new WatchHub(options.WatchHistorySize, options.WatcherQueueCapacity));
        var service = new ResourceService(store, new ResourceTypeRegistry(BuiltInTypes.All), TimeProvider.System);
        var parts = new ServerParts(new LocalKubeFaults(store), new RequestRecord(options.RequestRecordCapacity), new LocalKubeAccess());
        var surface = ApiSurface.Install(service, TimeProvider.System);
        Seeding.CreateSystemNamespaces(service, options.KubeSystemUid);

        using var certificate = options.UseTls ? SelfSignedCertificate.Create() : null;
        var serverCert = certificate is null ? null : X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
        var address = string.Empty;
        var writer = new ResponseWriter(() => options.TableRenderer ?? surface.Table);
        var endpoints = new ResourceEndpoints(service, writer, new WatchEndpoint(service, writer, options), parts.Faults);
        var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("LocalKube");
        IRequestHandler[] handlers = [surface.OpenApi, new ReviewEndpoints(parts.Access), .. options.RequestHandlers];
        var dispatcher = new ApiDispatcher(service.Registry, endpoints, parts, handlers, () => address, logger);
        var app = BuildApp(options.Port, serverCert, dispatcher);
        await app.StartAsync(cancellationToken);

        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var baseUri = new Uri($"{(certificate is null ? "http" : "https")}://127.0.0.1:{bound.Port}/");
        address = $"127.0.0.1:{bound.Port}";
        var (kubeconfig, temp) = WriteKubeconfig(options, baseUri, certificate is null ? null : SelfSignedCertificate.ToPem(certificate));
        var server = new LocalKubeServer(app, service, parts, kubeconfig, baseUri, temp) { _restart = () => BuildApp(bound.Port, serverCert, dispatcher) };
        Log.Serving(logger, baseUri, kubeconfig.Path);
        foreach (var handler in options.PatchHandlers)
        {
            service.Patches.Register(handler);
        }

        service.Validators.AddRange(options.Validators);
        options.Configure?.Invoke(server);
        if (options.CrdDirectory is not null)
        {
            await Seeding.ApplyDirectoryAsync(service, options.CrdDirectory, cancellationToken);
        }

        return server;
    }

    /// <summary>
    /// Stops serving (every connection and watch is cut, new connections are refused) for <paramref name="downtime"/>,
    /// then serves again on the same port from the same store: an API server restart whose etcd kept its state, so
    /// resourceVersions go on and the watch history is still there. <paramref name="whileDown"/> runs while nothing
    /// is served (in-process writes through <see cref="Service"/> still work, as another apiserver replica would take them).
    /// </summary>
    public async Task RestartAsync(TimeSpan downtime, Func<Task>? whileDown = null, CancellationToken cancellationToken = default)
    {
        Faults.DropAllWatches();
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(cts.Token);
        }

        await _app.DisposeAsync();
        if (whileDown is not null)
        {
            await whileDown();
        }

        await Task.Delay(downtime, cancellationToken);
        _app = _restart();
        await _app.StartAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Faults.DropAllWatches();
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(cts.Token);
        }

        await _app.DisposeAsync();
        if (_tempDirectory is not null && Directory.Exists(_tempDirectory))
        {
            Directory.Delete(_tempDirectory, recursive: true);
        }
    }

    private static WebApplication BuildApp(int port, X509Certificate2? serverCert, ApiDispatcher dispatcher)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.UseKestrelCore().UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, listen =>
        {
            if (serverCert is not null)
            {
                listen.UseHttps(serverCert);
            }
        }));
        var app = builder.Build();
        app.Run(dispatcher.HandleAsync);
        return app;
    }

    private static (Kubeconfig Kubeconfig, string? TempDirectory) WriteKubeconfig(LocalKubeOptions options, Uri baseUri, string? caPem)
    {
        string? temp = null;
        var path = options.KubeconfigPath;
        if (path is null)
        {
            temp = Directory.CreateTempSubdirectory("localkube-").FullName;
            path = Path.Combine(temp, "kubeconfig");
        }

        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var contents = Kubeconfig.Render(baseUri, caPem);
        File.WriteAllText(full, contents);
        return (new Kubeconfig(full, contents), temp);
    }

    /// <summary>The per-server state the dispatcher shares with the test-facing properties.</summary>
    public sealed record ServerParts(LocalKubeFaults Faults, RequestRecord Requests, LocalKubeAccess Access);
}
