using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests;

/// <summary>The fixture itself: moto starts on loopback, answers real AWS calls, and each test's names stay its own.</summary>
public sealed class MotoServerTests(MotoServer moto) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task Moto_answers_ecs_calls_made_by_awscli()
    {
        var aws = ExternalTools.Require("aws", "pip install awscli");
        var name = TestNames.Unique("fixture");

        var create = await ProcessRunner.RunAsync(aws, ["ecs", "create-cluster", "--cluster-name", name, "--output", "json"], environment: moto.ClientEnvironment, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(create.ExitCode == 0, create.ToString());

        var list = await ProcessRunner.RunAsync(aws, ["ecs", "list-clusters", "--output", "text"], environment: moto.ClientEnvironment, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains($"cluster/{name}", list.StdOut, StringComparison.Ordinal);
    }
}
