namespace EcsOperator.Testing;

/// <summary>
/// The one bounded polling helper of the test projects: for conditions that become true asynchronously. It proves
/// only that something happened; to prove that something did not happen, wait on a signal (a settled queue, a fake
/// clock) instead.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultWithin = TimeSpan.FromSeconds(20);

    /// <summary>Polls every <paramref name="every"/> (50 ms by default) until the condition holds or <paramref name="within"/> passes.</summary>
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan? within = null, TimeSpan? every = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + (within ?? DefaultWithin);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(every ?? TimeSpan.FromMilliseconds(50));
        }

        return await condition();
    }

    public static Task<bool> TrueAsync(Func<bool> condition, TimeSpan? within = null, TimeSpan? every = null) =>
        TrueAsync(() => Task.FromResult(condition()), within, every);
}
