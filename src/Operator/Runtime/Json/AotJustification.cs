namespace EcsOperator.Runtime.Json;

/// <summary>Why the operator's reflection is safe in its native AOT build, for the trimming analyzers' suppressions.</summary>
internal static class AotJustification
{
    /// <summary>Reflection over the kinds' types (the CRD generator).</summary>
    public const string EntitiesKeptWhole =
        "The native AOT publish roots the entities assembly and KubernetesClient's kubeconfig model (Operator.csproj, "
        + "Aot/TrimmerRoots.xml), so the reflection over them finds what a JIT build finds. The image tests and the "
        + "harness's --aot runs start that build (the CRD generator itself runs from the source tree: `crds` refuses "
        + "in the native build).";
}
