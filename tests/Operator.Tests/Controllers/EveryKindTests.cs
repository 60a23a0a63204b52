using EcsOperator.Controllers;
using EcsOperator.Controllers.Shared;
using EcsOperator.Entities;
using EcsOperator.Runtime.Reconcile;
using EcsOperator.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EcsOperator.Tests.Controllers;

/// <summary>The per-kind steps of docs/adding-a-kind.md that no other test catches: each fails naming the kind.</summary>
public sealed class EveryKindTests
{
    public static TheoryData<Type> Kinds => new(EntityKinds.All);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_has_a_reconciler_on_the_template_with_the_five_file_roles(Type kind)
    {
        var reconciler = typeof(ResourceReconciler<,,>).Assembly.GetTypes().SingleOrDefault(t =>
            !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(ResourceReconciler<,,>) && b.GetGenericArguments()[0] == kind);

        Assert.True(reconciler is not null, $"{kind.Name} has no reconciler deriving from ResourceReconciler (Controllers/<Kind>/<Kind>Reconciler)");
        var name = kind.Name.Replace("V1alpha1", string.Empty, StringComparison.Ordinal);
        var folder = Path.Combine(RepositoryRoot.Path, "src", "Operator", "Controllers", name);
        var missing = new[] { "Reconciler", "Manager", "Request", "Validation" }.Select(role => $"{name}{role}.cs")
            .Where(file => !File.Exists(Path.Combine(folder, file))).ToList();
        var hasDelta = File.Exists(Path.Combine(folder, $"{name}Delta.cs")) || File.Exists(Path.Combine(folder, $"{name}SpecHash.cs"));
        Assert.True(missing.Count == 0 && hasDelta, $"Controllers/{name} lacks {string.Join(", ", missing.Append(hasDelta ? null : $"{name}Delta.cs (or {name}SpecHash.cs)").OfType<string>())}");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_is_registered_with_the_controllers(Type kind)
    {
        var services = new ServiceCollection();

        services.AddEcsControllers(new ControllerOptions());

        var reconciler = typeof(IReconciler<>).MakeGenericType(kind);
        Assert.True(services.Any(d => d.ServiceType == reconciler), $"AddEcsControllers registers no IReconciler<{kind.Name}>");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_has_a_row_in_the_readme_api_table(Type kind)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var name = kind.Name.Replace("V1alpha1", string.Empty, StringComparison.Ordinal);

        Assert.Contains($"| `{name}` |", readme, StringComparison.Ordinal);
    }
}
