using EcsOperator.Controllers.TaskDefinition;
using Xunit;

namespace EcsOperator.Tests.Controllers.TaskDefinition;

public sealed class FargateSizesTests
{
    [Theory]
    [InlineData("256", 256)]
    [InlineData("0.25 vCPU", 256)]
    [InlineData("1 vcpu", 1024)]
    [InlineData(" 512 ", 512)]
    public void Cpu_is_read_in_units_or_vcpu(string text, int units) => Assert.Equal(units, FargateSizes.Parse(text, "vCPU"));

    [Theory]
    [InlineData("2 GB", 2048)]
    [InlineData("0.5GB", 512)]
    [InlineData("3072", 3072)]
    public void Memory_is_read_in_mib_or_gb(string text, int mib) => Assert.Equal(mib, FargateSizes.Parse(text, "GB"));

    [Theory]
    [InlineData("")]
    [InlineData("lots")]
    [InlineData("-1")]
    [InlineData(null)]
    public void Nonsense_is_no_size(string? text) => Assert.Null(FargateSizes.Parse(text, "GB"));

    [Theory]
    [InlineData(256, 512, true)]
    [InlineData(256, 3072, false)]
    [InlineData(8192, 20480, true)]
    [InlineData(8192, 17408, false)]
    [InlineData(128, 512, false)]
    public void Only_published_pairs_are_valid(int cpu, int memory, bool valid) => Assert.Equal(valid, FargateSizes.IsValid(cpu, memory));
}
