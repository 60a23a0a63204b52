namespace EcsOperator.Testing;

/// <summary>
/// The Debian packages some tests drive: lua5.1 with lua-cjson (the Argo CD health check), bubblewrap (the
/// read-only, non-root run of the published operator) and promtool from prometheus (the alert rules).
/// .ci/run installs them; like <see cref="ExternalTools"/>, a missing one skips locally and fails under CI=true.
/// </summary>
public static class DebianTools
{
    public static string RequireLua() => ExternalTools.Require("lua5.1", "apt-get install -y lua5.1 lua-cjson");

    /// <summary>lua5.1 that can <c>require "cjson"</c>.</summary>
    public static async Task<string> RequireLuaWithCjsonAsync(CancellationToken cancellationToken)
    {
        var lua = RequireLua();
        var probe = await ProcessRunner.RunAsync(lua, ["-e", "require('cjson')"], cancellationToken: cancellationToken);
        if (probe.ExitCode != 0)
        {
            ExternalTools.Unavailable($"lua5.1 cannot load cjson (apt-get install -y lua-cjson): {probe.StdErr.Trim()}");
        }

        return lua;
    }

    public static string RequireBwrap() => ExternalTools.Require("bwrap", "apt-get install -y bubblewrap");

    public static string RequirePromtool() => ExternalTools.Require("promtool", "apt-get install -y prometheus");
}
