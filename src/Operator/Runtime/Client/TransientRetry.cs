using System.Net;
using k8s.Autorest;

namespace EcsOperator.Runtime.Client;

/// <summary>
/// Retries calls that failed for reasons that pass by themselves (connection errors, 429, 5xx, timeouts) with
/// jittered exponential backoff. Used only inside <see cref="KubeClient"/>: the one place that talks to the API.
/// </summary>
internal static class TransientRetry
{
    private const int MaxAttempts = 5;
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(cancellationToken);
            }
            catch (Exception e) when (attempt < MaxAttempts && IsTransient(e, cancellationToken))
            {
                await Task.Delay(Backoff(attempt), cancellationToken);
            }
        }
    }

    public static bool IsTransient(Exception e, CancellationToken cancellationToken) => e switch
    {
        HttpOperationException http => IsTransientStatus(http.Response?.StatusCode),
        HttpRequestException or IOException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    public static TimeSpan Backoff(int attempt)
    {
        var exponential = FirstDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 10));
        var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);

        // Full jitter between half and all of the delay, so that many clients do not retry in lockstep.
#pragma warning disable CA5394 // jitter needs no cryptographic randomness
        return TimeSpan.FromMilliseconds(capped * (0.5 + (Random.Shared.NextDouble() / 2)));
#pragma warning restore CA5394
    }

    private static bool IsTransientStatus(HttpStatusCode? status) =>
        status is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError;
}
