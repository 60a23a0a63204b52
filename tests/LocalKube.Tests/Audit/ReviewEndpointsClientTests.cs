using k8s;
using k8s.Models;
using LocalKube.Tests.Core;
using Xunit;

namespace LocalKube.Tests.Audit;

/// <summary>TokenReview and SubjectAccessReview through the real KubernetesClient: allow-all unless a test denies.</summary>
public sealed class ReviewEndpointsClientTests : IAsyncLifetime
{
    private CoreServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await CoreServer.StartAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_registered_token_is_its_user_and_any_other_token_is_the_default_user()
    {
        _server.Kube.Access.AddToken("t-prom", "system:serviceaccount:monitoring:prometheus", "monitoring");

        var registered = await ReviewAsync("t-prom");
        var other = await ReviewAsync("anything");

        Assert.True(registered.Authenticated);
        Assert.Equal("system:serviceaccount:monitoring:prometheus", registered.User.Username);
        Assert.Contains("monitoring", registered.User.Groups);
        Assert.True(other.Authenticated);
        Assert.Equal("localkube-admin", other.User.Username);
    }

    [Fact]
    public async Task A_rejected_token_is_not_authenticated()
    {
        _server.Kube.Access.RejectToken("t-revoked");

        var status = await ReviewAsync("t-revoked");

        Assert.False(status.Authenticated);
        Assert.NotEmpty(status.Error);
    }

    [Fact]
    public async Task Access_is_allowed_unless_a_denial_matches()
    {
        _server.Kube.Access.Deny("no metrics-reader binding", q => q.User == "jane" && q.NonResourcePath == "/metrics");

        var jane = await AccessAsync("jane", "/metrics");
        var joe = await AccessAsync("joe", "/metrics");
        var janeElsewhere = await AccessAsync("jane", "/healthz");

        Assert.False(jane.Allowed);
        Assert.Equal("no metrics-reader binding", jane.Reason);
        Assert.True(joe.Allowed);
        Assert.True(janeElsewhere.Allowed);
    }

    [Fact]
    public async Task A_review_without_attributes_is_a_bad_request()
    {
        var error = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => _server.Client.AuthorizationV1.CreateSubjectAccessReviewAsync(
            new V1SubjectAccessReview { Spec = new V1SubjectAccessReviewSpec { User = "jane" } }, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.Response.StatusCode);
        Assert.Contains("resourceAttributes", error.Response.Content, StringComparison.Ordinal);
    }

    private async Task<V1TokenReviewStatus> ReviewAsync(string token) =>
        (await _server.Client.AuthenticationV1.CreateTokenReviewAsync(
            new V1TokenReview { Spec = new V1TokenReviewSpec { Token = token } }, cancellationToken: TestContext.Current.CancellationToken)).Status;

    private async Task<V1SubjectAccessReviewStatus> AccessAsync(string user, string path) =>
        (await _server.Client.AuthorizationV1.CreateSubjectAccessReviewAsync(
            new V1SubjectAccessReview
            {
                Spec = new V1SubjectAccessReviewSpec
                {
                    User = user,
                    NonResourceAttributes = new V1NonResourceAttributes { Path = path, Verb = "get" },
                },
            },
            cancellationToken: TestContext.Current.CancellationToken)).Status;
}
