using Microsoft.Extensions.Hosting;

namespace LocalKube;

/// <summary>
/// For a host that runs inside another process (LocalKube in the playground and the tests, the operator in the
/// playground): the embedding process owns signals and shutdown, so the host must not install ConsoleLifetime's
/// SIGINT/SIGTERM/SIGQUIT handlers, which would swallow those signals and only stop this one host.
/// </summary>
public sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
