namespace EcsOperator.Testing;

/// <summary>
/// The one bounded polling helper of the test projects: for conditions that become true asynchronously. It proves
/// only that something happened; to prove that something did not happen, wait on a signal (a settled queue, a fake
/// clock) instead.
/// </summary>
public static class Eventually
{
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return await condition();
    }

    public static Task<bool> TrueAsync(Func<bool> condition, TimeSpan? within = null) =>
        TrueAsync(() => Task.FromResult(condition()), within);
}
