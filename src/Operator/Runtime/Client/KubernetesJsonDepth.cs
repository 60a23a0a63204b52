using System.Runtime.CompilerServices;
using k8s;

namespace EcsOperator.Runtime.Client;

/// <summary>
/// Lets KubernetesClient read every object the API server stores. kube-apiserver accepts JSON nested up to 10,000
/// levels (Go's encoding/json); System.Text.Json, which KubernetesJson uses, stops at 64. With the default, one
/// Service whose free-form hookDetails nests 65 deep would make every list and watch of Services fail to decode,
/// and no Service would reconcile again.
/// </summary>
public static class KubernetesJsonDepth
{
    /// <summary>The API server's limit for an object, plus room for what carries it (a list and its items, a watch event).</summary>
    public const int MaxDepth = 10_000 + 16;

    /// <summary>
    /// Raises the limit on KubernetesJson's shared options. Those options freeze at their first use, so this runs as
    /// the module loads, before any operator code can read or write an object.
    /// </summary>
    [ModuleInitializer]
    public static void Apply() => KubernetesJson.AddJsonOptions(options =>
    {
        if (!options.IsReadOnly && options.MaxDepth < MaxDepth)
        {
            options.MaxDepth = MaxDepth;
        }
    });
}
