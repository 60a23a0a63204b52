using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EcsOperator.Runtime;
using EcsOperator.Runtime.Metrics;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.Runtime;

/// <summary>
/// /metrics as kubebuilder v4 serves it: HTTPS, the bearer token checked with a TokenReview and the caller with a
/// SubjectAccessReview for get on /metrics, both answered by LocalKube; plain HTTP only with --metrics-secure=false.
/// </summary>
public sealed class MetricsAuthTests
{
    private const string Reader = "system:serviceaccount:monitoring:prometheus";
    private const string Stranger = "system:serviceaccount:default:someone";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_scrape_needs_a_valid_token_and_the_metrics_reader_role()
    {
        await using var kube = await RuntimeKube.StartAsync();
        kube.Server.Access.AddToken("t-reader", Reader);
        kube.Server.Access.AddToken("t-stranger", Stranger);
        kube.Server.Access.RejectToken("t-revoked");
        kube.Server.Access.Deny("no ecs-operator-metrics-reader binding", q => q.User == Stranger && q.NonResourcePath == "/metrics" && q.Verb == "get");
        await using var op = new OperatorInstance(kube, new OperatorRuntimeOptions { MetricsBindAddress = "127.0.0.1:0", HealthProbeBindAddress = "0" }, Done);
        await op.StartAsync();
        var metrics = new Uri(op.Host.MetricsAddress!, "/metrics");
        Assert.Equal("https", metrics.Scheme);

        Assert.Equal(HttpStatusCode.Unauthorized, await ScrapeAsync(metrics, token: null));
        Assert.Equal(HttpStatusCode.Unauthorized, await ScrapeAsync(metrics, "t-revoked"));
        Assert.Equal(HttpStatusCode.Forbidden, await ScrapeAsync(metrics, "t-stranger"));
        Assert.Equal(HttpStatusCode.OK, await ScrapeAsync(metrics, "t-reader"));

        // Each scrape with a token asked the API server: one TokenReview, then (when authenticated) one SubjectAccessReview.
        var reviews = kube.Server.Requests.Requests.Where(r => r.Resource is "tokenreviews" or "subjectaccessreviews").ToList();
        Assert.Equal(3, reviews.Count(r => r.Resource == "tokenreviews"));
        Assert.Equal(2, reviews.Count(r => r.Resource == "subjectaccessreviews"));
    }

    [Fact]
    public async Task Metrics_secure_false_serves_plain_http_without_a_token()
    {
        await using var kube = await RuntimeKube.StartAsync();
        await using var op = new OperatorInstance(kube, new OperatorRuntimeOptions { MetricsBindAddress = "127.0.0.1:0", MetricsSecure = false, HealthProbeBindAddress = "0" }, Done);
        await op.StartAsync();
        using var http = new HttpClient();

        var answer = await http.GetAsync(new Uri(op.Host.MetricsAddress!, "/metrics"), Ct);

        Assert.Equal("http", op.Host.MetricsAddress!.Scheme);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("workqueue_depth", await answer.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.DoesNotContain(kube.Server.Requests.Requests, r => r.Resource == "tokenreviews");
    }

    [Fact]
    public async Task A_certificate_mounted_from_a_secret_is_the_one_served()
    {
        var mounted = Directory.CreateTempSubdirectory("ecs-operator-metrics-certs-");
        try
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var certificate = new CertificateRequest("CN=mounted-by-cert-manager", key, HashAlgorithmName.SHA256)
                .CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllTextAsync(Path.Combine(mounted.FullName, MetricsCertificate.CertificateFile), certificate.ExportCertificatePem(), Ct);
            await File.WriteAllTextAsync(Path.Combine(mounted.FullName, MetricsCertificate.KeyFile), key.ExportPkcs8PrivateKeyPem(), Ct);
            await using var kube = await RuntimeKube.StartAsync();
            kube.Server.Access.AddToken("t-reader", Reader);
            await using var op = new OperatorInstance(kube, new OperatorRuntimeOptions { MetricsBindAddress = "127.0.0.1:0", MetricsCertPath = mounted.FullName, HealthProbeBindAddress = "0" }, Done);
            await op.StartAsync();
            string? served = null;
            using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, cert, _, _) => (served = cert?.Thumbprint) is not null });
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "t-reader");

            using var answer = await http.GetAsync(new Uri(op.Host.MetricsAddress!, "/metrics"), Ct);

            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal(certificate.Thumbprint, served);
        }
        finally
        {
            mounted.Delete(recursive: true);
        }
    }

    private static Task<ReconcileResult> Done(OperatorInstance instance, ReconcileRequest request, Widget? widget, EcsOperator.Runtime.Status.StatusWriter<Widget> status, CancellationToken ct) =>
        Task.FromResult(ReconcileResult.Done);

    private static async Task<HttpStatusCode> ScrapeAsync(Uri metrics, string? token)
    {
        // The certificate is the self-signed one made at start, as Prometheus scrapes it with insecureSkipVerify.
        using var http = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator });
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var answer = await http.GetAsync(metrics, Ct);
        return answer.StatusCode;
    }
}
