using Microsoft.Extensions.Logging;

namespace EcsOperator.Runtime.Controller;

/// <summary>
/// The one source of periodic reconciles: every resync period, each controller runs one sweep
/// (<see cref="IController.ResyncAsync"/>). Reconcilers return Done when converged, so nothing else requeues a
/// converged object. Sweep k of a controller is due at start + k × period + a random offset of up to
/// <see cref="JitterFraction"/> of the period: the offset is drawn per sweep, never per object, so that a sweep
/// stays one batch (the Service controller reads its services in batches per ECS cluster), and the long-run rate
/// stays exactly one sweep per period. Time comes from the registered <see cref="TimeProvider"/>.
/// </summary>
public sealed class PeriodicResync(TimeSpan period, TimeProvider time, ILogger logger)
{
    public const double JitterFraction = 0.1;

    public Task RunAsync(IEnumerable<IController> controllers, CancellationToken stopping) =>
        Task.WhenAll(controllers.Select(c => RunAsync(c, stopping)));

    private async Task RunAsync(IController controller, CancellationToken stopping)
    {
        var start = time.GetUtcNow();
        for (var sweep = 1; !stopping.IsCancellationRequested; sweep++)
        {
            var wait = start + (period * sweep) + Jitter() - time.GetUtcNow();
            try
            {
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, stopping);
                }

                await controller.ResyncAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A failed sweep (a kind's own batch read) must not end the resync: the next period tries again.
                Log.ResyncFailed(logger, e, controller.Name);
            }
        }
    }

#pragma warning disable CA5394 // jitter needs no cryptographic randomness
    private TimeSpan Jitter() => period * (JitterFraction * Random.Shared.NextDouble());
#pragma warning restore CA5394
}
