using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.IntegrationTests.Aws;

/// <summary>The committed src/Operator/Aws/*/Generated files are exactly what tools/AwsModelGen makes from the botocore models.</summary>
public sealed class GeneratedModelDriftTests
{
    [Fact]
    public async Task Generated_aws_models_match_the_generator()
    {
        ExternalTools.Require("python3", "install python3 with botocore");
        var botocore = await ProcessRunner.RunAsync("python3", ["-c", "import botocore,os;print(os.path.join(os.path.dirname(botocore.__file__),'data'))"], cancellationToken: TestContext.Current.CancellationToken);
        if (botocore.ExitCode != 0)
        {
            Assert.Skip("botocore is not installed: " + botocore.StdErr);
        }

        var root = RepositoryRoot.Path;
        var dotnet = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var result = await ProcessRunner.RunAsync(
            dotnet,
            ["run", "--project", Path.Combine(root, "tools", "AwsModelGen"), "--", root, botocore.StdOut.Trim(), "--check"],
            timeout: TimeSpan.FromMinutes(5),
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.ExitCode == 0, "regenerate with `dotnet run --project tools/AwsModelGen`:\n" + result);
    }
}
