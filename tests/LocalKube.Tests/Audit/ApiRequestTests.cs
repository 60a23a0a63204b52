using LocalKube.Audit;
using Xunit;

namespace LocalKube.Tests.Audit;

/// <summary>Requests are named the way kube-apiserver's RequestInfoFactory names them for RBAC.</summary>
public sealed class ApiRequestTests
{
    [Theory]
    [InlineData("GET", "/api/v1/namespaces", false, "list", "", "namespaces", null, null, null)]
    [InlineData("GET", "/api/v1/namespaces/ns1", false, "get", "", "namespaces", null, null, "ns1")]
    [InlineData("PUT", "/api/v1/namespaces/ns1/status", false, "update", "", "namespaces", "status", null, "ns1")]
    [InlineData("PUT", "/api/v1/namespaces/ns1/finalize", false, "update", "", "namespaces", "finalize", null, "ns1")]
    [InlineData("GET", "/api/v1/namespaces/ns1/secrets", true, "watch", "", "secrets", null, "ns1", null)]
    [InlineData("POST", "/api/v1/namespaces/ns1/events", false, "create", "", "events", null, "ns1", null)]
    [InlineData("GET", "/apis/ecs.operator.dev/v1alpha1/services", true, "watch", "ecs.operator.dev", "services", null, null, null)]
    [InlineData("PATCH", "/apis/ecs.operator.dev/v1alpha1/namespaces/a/services/web/status", false, "patch", "ecs.operator.dev", "services", "status", "a", "web")]
    [InlineData("DELETE", "/apis/coordination.k8s.io/v1/namespaces/a/leases/l", false, "delete", "coordination.k8s.io", "leases", null, "a", "l")]
    [InlineData("DELETE", "/apis/coordination.k8s.io/v1/namespaces/a/leases", false, "deletecollection", "coordination.k8s.io", "leases", null, "a", null)]
    [InlineData("POST", "/apis/authentication.k8s.io/v1/tokenreviews", false, "create", "authentication.k8s.io", "tokenreviews", null, null, null)]
    public void Resource_requests_are_named_like_the_authorizer_names_them(
        string method, string path, bool watch, string verb, string group, string resource, string? subresource, string? ns, string? name)
    {
        var request = ApiRequest.Parse(method, path, watch, user: null, userAgent: "test/1");

        Assert.Equal(new ApiRequest(verb, group, resource, subresource, ns, name, null, null, "test/1"), request);
        Assert.True(request.IsResourceRequest);
    }

    [Theory]
    [InlineData("GET", "/version")]
    [InlineData("GET", "/apis")]
    [InlineData("GET", "/apis/ecs.operator.dev/v1alpha1")]
    [InlineData("GET", "/openapi/v3")]
    public void Discovery_and_other_paths_are_non_resource_requests(string method, string path)
    {
        var request = ApiRequest.Parse(method, path, watch: false, user: null, userAgent: string.Empty);

        Assert.False(request.IsResourceRequest);
        Assert.Equal(new Permission("get", string.Empty, string.Empty, path), request.Permission);
    }

    [Fact]
    public void A_subresource_is_part_of_the_permission()
    {
        var request = ApiRequest.Parse("PUT", "/apis/ecs.operator.dev/v1alpha1/namespaces/a/clusters/c/status", false, null, string.Empty);

        Assert.Equal(new Permission("update", "ecs.operator.dev", "clusters/status"), request.Permission);
        Assert.Equal("update ecs.operator.dev/clusters/status", request.Permission.ToString());
    }
}
