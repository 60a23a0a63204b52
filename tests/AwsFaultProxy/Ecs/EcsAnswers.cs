using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AwsFaultProxy.Ecs;

/// <summary>awsJson1_1 answers as ECS writes them: a JSON body, or <c>{"__type", "message"}</c> for an error.</summary>
internal static class EcsAnswers
{
    public static HttpResponseMessage Ok(JsonObject body) => Build(HttpStatusCode.OK, body);

    public static HttpResponseMessage Error(EcsApiException error) =>
        Build((HttpStatusCode)error.Status, new JsonObject { ["__type"] = error.Code, ["message"] = error.Message });

    private static HttpResponseMessage Build(HttpStatusCode status, JsonObject body)
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body)) };
        response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        response.Headers.TryAddWithoutValidation("x-amzn-RequestId", Guid.NewGuid().ToString());
        return response;
    }
}
