namespace EcsOperator.Runtime.Json;

/// <summary>Why the operator's reflection is safe in its native AOT build, for the trimming analyzers' suppressions.</summary>
internal static class AotJustification
{
    /// <summary>Reflection over the kinds' types (the CRD generator, the spec checks, the wire shapes).</summary>
    public const string EntitiesKeptWhole =
        "The native AOT publish trims only the framework (TrimMode partial in Operator.csproj): the entity, AWS model and "
        + "KubernetesClient types keep every member, so the reflection over them finds what a JIT build finds. The AOT "
        + "harness run (tests/Operator.Benchmarks --aot) and `crds` from the AOT binary check it.";
}
