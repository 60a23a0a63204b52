using EcsOperator.Crds;
using EcsOperator.Playground;
using Xunit;

namespace EcsOperator.Tests.Playground;

public sealed class ResourceCatalogTests
{
    [Fact]
    public void The_live_table_shows_each_kinds_default_printer_columns_except_the_conditions_and_the_age()
    {
        foreach (var crd in CrdWriter.Build())
        {
            var version = Assert.Single(crd.Spec.Versions);
            var expected = version.AdditionalPrinterColumns
                .Where(c => (c.Priority ?? 0) == 0 && c.Name is not ("Ready" or "Age"))
                .Select(c => c.Name);

            var shown = ResourceCatalog.StatusColumns(version).Select(c => c.Name);

            Assert.Equal(expected, shown);
        }
    }

    [Fact]
    public void A_service_shows_its_rollout_columns()
    {
        var service = CrdWriter.Build().Single(crd => crd.Spec.Names.Kind == "Service");

        var shown = ResourceCatalog.StatusColumns(service.Spec.Versions[0]).Select(c => c.Name);

        Assert.Equal(["Service", "Desired", "Running", "Rollout", "TaskDefinition"], shown);
    }
}
