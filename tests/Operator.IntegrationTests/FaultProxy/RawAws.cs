using System.Net.Http.Headers;
using System.Text;

namespace EcsOperator.IntegrationTests.FaultProxy;

/// <summary>
/// Hand-built AWS requests for asserting wire details. They carry a SigV4-shaped Authorization header with a
/// real credential scope (moto routes by it and does not verify the signature by default).
/// </summary>
internal static class RawAws
{
    public static string Authorization(string service) =>
        $"AWS4-HMAC-SHA256 Credential=testing/20250101/us-east-1/{service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000";

    /// <summary>An ECS awsJson1_1 call.</summary>
    public static HttpRequestMessage Ecs(Uri endpoint, string operation, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(json, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        request.Headers.TryAddWithoutValidation("X-Amz-Target", $"AmazonEC2ContainerServiceV20141113.{operation}");
        return Signed(request, "ecs");
    }

    /// <summary>An awsQuery call (ELBv2 2015-12-01, IAM 2010-05-08).</summary>
    public static HttpRequestMessage Query(Uri endpoint, string service, string action, string version) =>
        Signed(new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new FormUrlEncodedContent([new("Action", action), new("Version", version)]),
        }, service);

    /// <summary>A restJson GET (EFS).</summary>
    public static HttpRequestMessage RestGet(Uri endpoint, string service, string path) =>
        Signed(new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, path)), service);

    private static HttpRequestMessage Signed(HttpRequestMessage request, string service)
    {
        request.Headers.TryAddWithoutValidation("Authorization", Authorization(service));
        return request;
    }
}
