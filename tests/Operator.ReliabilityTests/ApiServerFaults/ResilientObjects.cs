using System.Net;
using EcsOperator.Entities;
using EcsOperator.IntegrationTests.Controllers;
using EcsOperator.Testing;
using k8s.Autorest;
using Xunit;

namespace EcsOperator.ReliabilityTests.ApiServerFaults;

/// <summary>
/// The test's own reads and edits while LocalKube fails requests on purpose: a 500 or a refused connection is retried
/// (a bounded number of times), so that only the operator has to survive the faults.
/// </summary>
public sealed class ResilientObjects(KubeObjects objects)
{
    private const int Attempts = 30;

    public Task<T?> GetAsync<T>(string ns, string name)
        where T : class, IEcsResource => RetryAsync(() => objects.GetAsync<T>(ns, name));

    public Task<T> UpdateAsync<T>(string ns, string name, Action<T> change)
        where T : class, IEcsResource => RetryAsync(() => objects.UpdateAsync(ns, name, change));

    /// <summary>Waits until <paramref name="done"/> holds for the object and its status reports the current generation.</summary>
    public async Task<T> WaitObservedAsync<T>(string ns, string name, Func<T, Task<bool>> done, string what)
        where T : class, IEcsResource
    {
        T? last = null;
        var reached = await Eventually.TrueAsync(
            async () => (last = await GetAsync<T>(ns, name)) is { } o && o.ResourceStatus.ObservedGeneration == o.Metadata.Generation && await done(o),
            KubeObjects.DefaultTimeout,
            TimeSpan.FromMilliseconds(250));
        Assert.True(reached, $"{typeof(T).Name} {ns}/{name} did not reach {what}; generation {last?.Metadata.Generation}, observed {last?.ResourceStatus.ObservedGeneration}");
        return last!;
    }

    private static async Task<T> RetryAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (attempt < Attempts && IsInjected(e))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
            }
        }
    }

    private static bool IsInjected(Exception e) =>
        e is HttpRequestException
        || (e is HttpOperationException http && http.Response.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.Conflict);
}
