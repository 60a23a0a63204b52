using System.Text.RegularExpressions;
using Xunit;

namespace EcsOperator.IntegrationTests.Image;

/// <summary>The runtime stage's promises, read from the Dockerfile itself: chiseled, pinned, non-root, shell-free.</summary>
public sealed partial class DockerfileTests
{
    [Fact]
    public void Runtime_stage_is_the_chiseled_image_pinned_by_digest_as_uid_65532_with_no_shell_needed()
    {
        var runtime = PublishedImage.Stages()[^1];

        Assert.Matches(ChiseledByDigest(), runtime.Image);
        Assert.Equal("65532:65532", runtime.Last("USER")?.Arguments);
        Assert.Empty(runtime.All("RUN")); // a chiseled image has no shell to run them
        Assert.NotNull(runtime.Last("ENTRYPOINT")?.ExecForm); // exec form: the shell form needs /bin/sh
        Assert.All(runtime.All("CMD"), cmd => Assert.NotNull(cmd.ExecForm));
    }

    [GeneratedRegex(@"^mcr\.microsoft\.com/dotnet/(aspnet|runtime-deps):10\.0-noble-chiseled@sha256:[0-9a-f]{64}$")]
    private static partial Regex ChiseledByDigest();
}
