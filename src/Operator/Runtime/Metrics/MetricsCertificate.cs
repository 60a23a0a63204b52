using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EcsOperator.Runtime.Metrics;

/// <summary>
/// The metrics endpoint's serving certificate, as kubebuilder v4 does it: tls.crt and tls.key from a mounted Secret
/// (--metrics-cert-path, for example one cert-manager issues), else a self-signed one made at start. Prometheus
/// scrapes the self-signed one with insecureSkipVerify; the bearer token, not the certificate, is what authorizes.
/// </summary>
public static class MetricsCertificate
{
    public const string CertificateFile = "tls.crt";
    public const string KeyFile = "tls.key";

    /// <summary>Loads the pair from <paramref name="directory"/>, or makes a self-signed one when it is null or empty.</summary>
    public static X509Certificate2 Load(string? directory)
    {
        if (string.IsNullOrEmpty(directory))
        {
            return SelfSigned();
        }

        var certificate = Path.Combine(directory, CertificateFile);
        var key = Path.Combine(directory, KeyFile);
        if (!File.Exists(certificate) || !File.Exists(key))
        {
            throw new InvalidOperationException($"--metrics-cert-path: {directory} must hold {CertificateFile} and {KeyFile}");
        }

        return Exportable(X509Certificate2.CreateFromPemFile(certificate, key));
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=ecs-operator-metrics", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddDnsName(Dns.GetHostName());
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(1));
        return Exportable(created);
    }

    // SslStream on Linux needs the key in a PKCS#12-backed certificate, not an ephemeral one.
    private static X509Certificate2 Exportable(X509Certificate2 certificate)
    {
        using (certificate)
        {
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), password: null);
        }
    }
}
