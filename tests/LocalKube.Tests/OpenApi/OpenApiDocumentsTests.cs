using System.Text.Json.Nodes;
using LocalKube.OpenApi;
using LocalKube.Registry;
using Xunit;

namespace LocalKube.Tests.OpenApi;

public class OpenApiDocumentsTests
{
    private static readonly ResourceType Service = new()
    {
        Group = "ecs.operator.dev",
        Version = "v1alpha1",
        Kind = "Service",
        Plural = "services",
        Singular = "service",
        Namespaced = true,
        IsCustom = true,
        HasStatusSubresource = true,
        Schema = JsonNode.Parse("""{"type":"object","properties":{"spec":{"type":"object","description":"desired state","properties":{"desiredCount":{"type":"integer"}}}}}""")!.AsObject(),
    };

    private static readonly ResourceType ConfigMap = new()
    {
        Group = string.Empty,
        Version = "v1",
        Kind = "ConfigMap",
        Plural = "configmaps",
        Singular = "configmap",
        Namespaced = true,
    };

    private static JsonObject Document(string key)
    {
        var docs = new OpenApiDocuments(() => [ConfigMap, Service]);
        Assert.True(docs.TryGet(key, out var json, out _));
        return JsonNode.Parse(json)!.AsObject();
    }

    [Fact]
    public void Index_lists_every_group_version_with_a_hashed_url()
    {
        var docs = new OpenApiDocuments(() => [ConfigMap, Service]);

        var index = JsonNode.Parse(docs.IndexJson())!["paths"]!.AsObject();

        Assert.Equal(["api/v1", "apis/ecs.operator.dev/v1alpha1"], index.Select(p => p.Key));
        docs.TryGet("apis/ecs.operator.dev/v1alpha1", out _, out var hash);
        Assert.Equal($"/openapi/v3/apis/ecs.operator.dev/v1alpha1?hash={hash}", index["apis/ecs.operator.dev/v1alpha1"]!["serverRelativeURL"]!.GetValue<string>());
    }

    [Fact]
    public void Patch_operations_offer_field_validation_so_kubectl_validates_on_the_server()
    {
        var patch = Document("apis/ecs.operator.dev/v1alpha1")["paths"]!["/apis/ecs.operator.dev/v1alpha1/namespaces/{namespace}/services/{name}"]!["patch"]!;

        Assert.Equal("Service", patch["x-kubernetes-group-version-kind"]!["kind"]!.GetValue<string>());
        Assert.Contains(patch["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "fieldValidation");
        Assert.False(patch["requestBody"]!["content"]!.AsObject().ContainsKey("application/strategic-merge-patch+json"));
    }

    [Fact]
    public void Kind_schema_carries_the_crd_schema_and_its_group_version_kind()
    {
        var schema = Document("apis/ecs.operator.dev/v1alpha1")["components"]!["schemas"]!["dev.operator.ecs.v1alpha1.Service"]!;

        Assert.Equal("desired state", schema["properties"]!["spec"]!["description"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", schema["properties"]!["metadata"]!["allOf"]![0]!["$ref"]!.GetValue<string>());
        Assert.Equal("v1alpha1", schema["x-kubernetes-group-version-kind"]![0]!["version"]!.GetValue<string>());
    }

    [Fact]
    public void Core_group_is_served_under_api_v1()
    {
        var paths = Document("api/v1")["paths"]!.AsObject();

        Assert.True(paths.ContainsKey("/api/v1/namespaces/{namespace}/configmaps/{name}"));
        Assert.True(paths.ContainsKey("/api/v1/configmaps"));
    }
}
