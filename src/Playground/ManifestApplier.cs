using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace EcsOperator.Playground;

/// <summary>An object the playground applied: enough to read it back for the live table.</summary>
public sealed record AppliedObject(ResourceKind Resource, string Namespace, string Name)
{
    public override string ToString() => $"{Resource.Kind}/{Name}";
}

/// <summary>
/// Creates or updates manifests through KubernetesClient's generic custom-object API, so the playground needs no
/// kubectl. An object that exists already is merge-patched with the manifest: like <c>kubectl apply</c>, that
/// keeps what others own (the operator's finalizer and status) and changes what the manifest says.
/// </summary>
public sealed class ManifestApplier(IKubernetes kube, ResourceCatalog catalog)
{
    public async Task<AppliedObject> ApplyAsync(Manifest manifest, CancellationToken cancellationToken)
    {
        var resource = catalog.Resolve(manifest);
        var ns = manifest.Namespace;
        try
        {
            await EnsureNamespaceAsync(ns, cancellationToken);
            await CreateOrPatchAsync(manifest, resource, ns, cancellationToken);
        }
        catch (HttpOperationException ex)
        {
            throw new PlaygroundException($"{manifest.SourceFile}: the API server refused {manifest}: {Describe(ex)}", ex);
        }

        return new AppliedObject(resource, ns, manifest.Name);
    }

    private async Task CreateOrPatchAsync(Manifest manifest, ResourceKind resource, string ns, CancellationToken cancellationToken)
    {
        try
        {
            await kube.CustomObjects.CreateNamespacedCustomObjectAsync(
                manifest.Body, resource.Group, resource.Version, ns, resource.Plural, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Conflict)
        {
            var patch = new V1Patch(manifest.Body.ToJsonString(), V1Patch.PatchType.MergePatch);
            await kube.CustomObjects.PatchNamespacedCustomObjectAsync(
                patch, resource.Group, resource.Version, ns, resource.Plural, manifest.Name, cancellationToken: cancellationToken);
        }
    }

    private async Task EnsureNamespaceAsync(string ns, CancellationToken cancellationToken)
    {
        try
        {
            await kube.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } }, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Conflict)
        {
            // It exists: the usual case, and the only one the playground needs.
        }
    }

    /// <summary>The message of the API server's Status body, which names the field; the raw text otherwise.</summary>
    private static string Describe(HttpOperationException ex)
    {
        var content = ex.Response.Content;
        if (string.IsNullOrWhiteSpace(content))
        {
            return ex.Message;
        }

        try
        {
            return JsonNode.Parse(content)?["message"]?.GetValue<string>() ?? content;
        }
        catch (Exception parse) when (parse is JsonException or InvalidOperationException)
        {
            return content;
        }
    }
}
