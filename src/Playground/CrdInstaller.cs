using System.Net;
using EcsOperator.Crds;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace EcsOperator.Playground;

/// <summary>
/// Installs the operator's CRDs straight from the C# types (<see cref="CrdWriter.Build"/>), not from config/crds,
/// so that the playground works from any working directory. Create, or replace what is there.
/// </summary>
public static class CrdInstaller
{
    public static async Task<IReadOnlyList<string>> InstallAsync(IKubernetes kube, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        foreach (var crd in CrdWriter.Build())
        {
            await CreateOrReplaceAsync(kube, crd, cancellationToken);
            names.Add(crd.Metadata.Name);
        }

        return names;
    }

    private static async Task CreateOrReplaceAsync(IKubernetes kube, V1CustomResourceDefinition crd, CancellationToken cancellationToken)
    {
        try
        {
            await kube.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException ex) when (ex.Response.StatusCode == HttpStatusCode.Conflict)
        {
            var existing = await kube.ApiextensionsV1.ReadCustomResourceDefinitionAsync(crd.Metadata.Name, cancellationToken: cancellationToken);
            crd.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
            await kube.ApiextensionsV1.ReplaceCustomResourceDefinitionAsync(crd, crd.Metadata.Name, cancellationToken: cancellationToken);
        }
    }
}
