using EcsOperator.Crds;
using EcsOperator.Testing;
using EcsOperator.Tests.Entities;
using Xunit;

namespace EcsOperator.Tests.Crds;

/// <summary>docs/api.md is generated from the same types as the CRDs and never drifts from them.</summary>
public sealed class ApiReferenceDriftTests
{
    [Fact]
    public void Docs_api_md_matches_what_the_generator_writes_now()
    {
        var committed = File.ReadAllText(RepositoryRoot.Combine("docs", "api.md"));

        Assert.True(committed == ApiReferenceWriter.Render(),
            "docs/api.md drifted from src/Entities: regenerate with `dotnet run --project src/Operator -- crds --output config/crds --api-reference docs/api.md`");
    }

    [Fact]
    public void Reference_documents_every_kind_and_their_rules()
    {
        var reference = ApiReferenceWriter.Render();

        Assert.All(["## Cluster", "## TaskDefinition", "## Service", "## LoadBalancerBinding"],
            heading => Assert.Contains(heading + "\n", reference, StringComparison.Ordinal));
        Assert.Contains("| `spec.containerDefinitions[].portMappings[].containerPortRange` |", reference, StringComparison.Ordinal);
        Assert.Contains("set exactly one of targetGroupArn, targetGroup and loadBalancerName", reference, StringComparison.Ordinal);
        Assert.Contains("`MANAGED_INSTANCES`", reference, StringComparison.Ordinal);
    }
}
