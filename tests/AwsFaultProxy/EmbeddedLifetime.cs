using Microsoft.Extensions.Hosting;

namespace AwsFaultProxy;

/// <summary>
/// The proxy runs inside another process (a test, the playground, or its own Program.cs), which owns signals and
/// shutdown: without this, the web host's ConsoleLifetime would take SIGINT, SIGTERM and SIGQUIT, cancel them and
/// stop only the proxy. (LocalKube has the same class; this project does not reference LocalKube.)
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
