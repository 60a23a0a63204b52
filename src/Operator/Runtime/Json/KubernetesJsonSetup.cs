using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using k8s;

namespace EcsOperator.Runtime.Json;

/// <summary>
/// Configures KubernetesJson's shared options, through which KubernetesClient reads and writes every object. Those
/// options freeze at their first use, so this runs as the module loads, before any operator code can touch them.
/// </summary>
public static class KubernetesJsonSetup
{
    /// <summary>The API server's limit for an object, plus room for what carries it (a list and its items, a watch event).</summary>
    public const int MaxDepth = 10_000 + 16;

    /// <summary>
    /// Two settings:
    /// <list type="bullet">
    /// <item>the depth limit: kube-apiserver accepts JSON nested up to 10,000 levels (Go's encoding/json);
    /// System.Text.Json stops at 64. With the default, one Service whose free-form hookDetails nests 65 deep would make
    /// every list and watch of Services fail to decode, and no Service would reconcile again;</item>
    /// <item>the resolvers: <see cref="OperatorJsonContext"/> first, then KubernetesClient's own source-generated
    /// context. Reflection stays last only where the process allows reflection-based serialization: the operator's
    /// runtimeconfig turns it off (Operator.csproj), so a type missing from both contexts fails in every test that
    /// runs the operator as its own process, not first in a native AOT build.</item>
    /// </list>
    /// </summary>
    [ModuleInitializer]
    public static void Apply() => KubernetesJson.AddJsonOptions(options =>
    {
        if (options.IsReadOnly)
        {
            return;
        }

        options.MaxDepth = Math.Max(options.MaxDepth, MaxDepth);
        var chain = options.TypeInfoResolverChain;
        if (!chain.Contains(OperatorJsonContext.Default))
        {
            chain.Insert(0, OperatorJsonContext.Default);
        }

        if (!JsonSerializer.IsReflectionEnabledByDefault)
        {
            for (var i = chain.Count - 1; i >= 0; i--)
            {
                if (chain[i] is DefaultJsonTypeInfoResolver)
                {
                    chain.RemoveAt(i);
                }
            }
        }
    });
}
