using Xunit;

namespace EcsOperator.IntegrationTests.Packaging;

/// <summary>
/// README's install section: Helm first, then kustomize, then GitOps, and no command that the install tests do not
/// run. ChartInstallTests runs the Helm block and KustomizeInstallTests the kustomize block, each read from README.md.
/// </summary>
public sealed class ReadmeInstallTests
{
    [Fact]
    public void The_install_section_shows_helm_then_kustomize_then_gitops()
    {
        var section = ReadmeInstall.Section();

        var order = new[] { "With Helm", "With kustomize", "With GitOps" }.Select(path => section.IndexOf(path, StringComparison.Ordinal)).ToList();

        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void The_section_has_exactly_the_two_command_blocks_the_install_tests_run()
    {
        var blocks = ReadmeInstall.Blocks();

        // A third block, or a GitOps command, would be one that no test runs: add its test first.
        Assert.Equal(2, blocks.Count);
        Assert.All(blocks[0], command => Assert.Contains(command[0], new[] { "helm", "kubectl" }));
        Assert.Equal(["kubectl", "apply", "-k", "config/default"], Assert.Single(blocks[1]));
        // The reader keeps single-quoted text as sh does: helm gets the backslashes that escape the key's dots.
        Assert.Contains(@"serviceAccount.annotations.eks\.amazonaws\.com/role-arn=arn:aws:iam::111122223333:role/ecs-operator", blocks[0][0]);
    }
}
