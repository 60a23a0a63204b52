using EcsOperator.Entities;
using EcsOperator.Runtime.Controller;
using NetArchTest.Rules;
using Xunit;

namespace EcsOperator.Tests.Architecture;

/// <summary>
/// The arrows between the operator's parts point one way (STYLE.md 18): the runtime knows nothing of AWS or of the
/// kinds, the AWS clients know nothing of Kubernetes, and nothing shipped depends on the test servers.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Operator = typeof(KindController<>).Assembly;
    private static readonly System.Reflection.Assembly[] Production = [Operator, typeof(V1alpha1Cluster).Assembly];

    [Fact]
    public void The_runtime_never_references_controllers_or_aws() =>
        AssertNone(Types.InAssembly(Operator).That().ResideInNamespace("EcsOperator.Runtime"), "EcsOperator.Controllers", "EcsOperator.Aws");

    [Fact]
    public void Aws_never_references_the_runtime_or_controllers() =>
        AssertNone(Types.InAssembly(Operator).That().ResideInNamespace("EcsOperator.Aws"), "EcsOperator.Runtime", "EcsOperator.Controllers");

    [Fact]
    public void Production_code_never_references_localkube_or_the_playground() =>
        AssertNone(Types.InAssemblies(Production).That().ResideInNamespace("EcsOperator"), "LocalKube", "EcsOperator.Playground");

    [Fact]
    public void Controllers_do_not_reference_hosting() =>
        AssertNone(Types.InAssembly(Operator).That().ResideInNamespace("EcsOperator.Controllers"), "EcsOperator.Hosting");

    private static void AssertNone(PredicateList types, params string[] forbidden)
    {
        var result = types.ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, $"depend on {string.Join(" or ", forbidden)}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
