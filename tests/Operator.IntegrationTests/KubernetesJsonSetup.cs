using System.Runtime.CompilerServices;
using EcsOperator.Runtime.Client;

namespace EcsOperator.IntegrationTests;

/// <summary>
/// The operator raises KubernetesJson's depth limit as its module loads; a test may touch KubernetesJson before any
/// operator type, after which the shared options are frozen. So this assembly raises it first, as the operator does.
/// </summary>
internal static class KubernetesJsonSetup
{
    [ModuleInitializer]
    internal static void RaiseDepthLimit() => EcsOperator.Runtime.Json.KubernetesJsonSetup.Apply();
}
