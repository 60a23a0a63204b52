using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using LocalKube.Extensibility;
using LocalKube.Registry;
using Xunit;

namespace LocalKube.Tests.Core;

/// <summary>The seams the API-surface work plugs into: validators, patch handlers, Table rendering, extra endpoints.</summary>
public sealed class ExtensionSeamCoreTests : IAsyncLifetime
{
    private CoreServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await CoreServer.StartAsync(o =>
    {
        o.Validators.Add(new SizeLimit());
        o.PatchHandlers.Add(new ReplaceSpecPatch());
        o.TableRenderer = new NameOnlyTable();
        o.RequestHandlers.Add(new HelloEndpoint());
    });

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_validator_rejects_with_422_naming_the_field_and_its_warnings_reach_the_client()
    {
        var ns = await _server.NewNamespaceAsync();

        using var rejected = await PostWidgetAsync(ns, "big", size: 11);
        using var accepted = await PostWidgetAsync(ns, "small", size: 9);
        var status = JsonNode.Parse(await rejected.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal((HttpStatusCode)422, rejected.StatusCode);
        Assert.Equal("Widget.test.localkube.dev \"big\" is invalid: spec.size: Invalid value: 11: must be at most 10", (string?)status["message"]);
        Assert.Equal("spec.size", (string?)status["details"]!["causes"]![0]!["field"]);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal("299 - \"spec.size is close to the limit\"", accepted.Headers.GetValues("Warning").Single());
    }

    [Fact]
    public async Task A_registered_patch_type_is_dispatched_by_content_type()
    {
        var ns = await _server.NewNamespaceAsync();
        await _server.CreateWidgetAsync(ns, "w", size: 1);
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/apis/test.localkube.dev/v1/namespaces/{ns}/widgets/w")
        {
            Content = new StringContent("""{"size":5}""", Encoding.UTF8, "application/x-replace-spec+json"),
        };

        using var response = await _server.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(5, (await _server.GetWidgetAsync(ns, "w")).Spec!.Size);
    }

    [Fact]
    public async Task A_client_asking_for_a_Table_gets_the_renderer_output()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/namespaces");
        request.Headers.Accept.ParseAdd("application/json;as=Table;v=v1;g=meta.k8s.io, application/json");

        using var response = await _server.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var table = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal("application/json; as=Table; v=v1; g=meta.k8s.io", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("Table", (string?)table["kind"]);
        Assert.Contains(table["rows"]!.AsArray(), r => (string?)r!["cells"]![0] == "kube-system");
    }

    [Fact]
    public async Task An_extra_request_handler_serves_its_path()
    {
        var body = await _server.Http.GetStringAsync(new Uri("/hello", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("hello", body);
    }

    private Task<HttpResponseMessage> PostWidgetAsync(string ns, string name, int size)
    {
        var body = new JsonObject
        {
            ["apiVersion"] = "test.localkube.dev/v1",
            ["kind"] = "Widget",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = new JsonObject { ["size"] = size },
        };
        var content = new StringContent(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        return _server.Http.PostAsync(new Uri($"/apis/test.localkube.dev/v1/namespaces/{ns}/widgets", UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    private sealed class SizeLimit : IObjectValidator
    {
        public ValidationResult Validate(ObjectValidationContext context)
        {
            var result = new ValidationResult();
            if (context.Type.Kind == "Widget" && context.Object["spec"]?["size"]?.GetValue<int>() is { } size)
            {
                if (size > 10)
                {
                    result.Errors.Add(new FieldCause("FieldValueInvalid", "spec.size", $"Invalid value: {size}: must be at most 10"));
                }
                else if (size > 8)
                {
                    result.Warnings.Add("spec.size is close to the limit");
                }
            }

            return result;
        }
    }

    private sealed class ReplaceSpecPatch : IPatchHandler
    {
        public string ContentType => "application/x-replace-spec+json";

        public JsonObject? Apply(PatchContext context)
        {
            if (context.Current is null)
            {
                return null;
            }

            context.Current["spec"] = JsonNode.Parse(context.Body);
            return context.Current;
        }
    }

    private sealed class NameOnlyTable : ITableRenderer
    {
        public JsonObject Render(TableRequest request)
        {
            var items = request.List?["items"]?.AsArray().Select(i => i!.AsObject()) ?? [request.Object!];
            return new JsonObject
            {
                ["kind"] = "Table",
                ["apiVersion"] = request.ApiVersion,
                ["columnDefinitions"] = new JsonArray(new JsonObject { ["name"] = "Name", ["type"] = "string" }),
                ["rows"] = new JsonArray(items.Select(i => (JsonNode?)new JsonObject { ["cells"] = new JsonArray((string?)i["metadata"]!["name"]) }).ToArray()),
            };
        }
    }

    private sealed class HelloEndpoint : IRequestHandler
    {
        public async Task<bool> TryHandleAsync(Microsoft.AspNetCore.Http.HttpContext context)
        {
            if (context.Request.Path != "/hello")
            {
                return false;
            }

            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, "hello");
            return true;
        }
    }
}
