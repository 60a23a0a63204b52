namespace AwsFaultProxy.Ecs;

/// <summary>
/// Every emulated service, by cluster ARN and name. Callers hold <see cref="Gate"/> around a read-modify-write;
/// every lookup first advances the services it returns to <see cref="Now"/>. An INACTIVE service stays
/// describable for <see cref="InactiveRetention"/>, then is forgotten, as ECS forgets them.
/// </summary>
internal sealed class EcsServiceStore(TimeProvider time, EcsScheduler scheduler)
{
    public static readonly TimeSpan InactiveRetention = TimeSpan.FromHours(1);

    private readonly Dictionary<(string ClusterArn, string Name), EmulatedService> _services = [];

    public Lock Gate { get; } = new();

    public EcsScheduler Scheduler => scheduler;

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The service by name or ARN in a cluster, advanced to now; null when unknown or long INACTIVE.</summary>
    public EmulatedService? Find(string clusterArn, string serviceNameOrArn)
    {
        var key = (clusterArn, NameOf(serviceNameOrArn));
        if (!_services.TryGetValue(key, out var service))
        {
            return null;
        }

        scheduler.Advance(service, Now);
        if (service.Status == "INACTIVE" && service.InactiveAt is { } at && Now - at > InactiveRetention)
        {
            _services.Remove(key);
            return null;
        }

        return service;
    }

    /// <summary>A service by its ARN, in any cluster.</summary>
    public EmulatedService? FindByArn(string serviceArn) =>
        _services.Values.FirstOrDefault(s => s.Arn == serviceArn) is { } service ? Find(service.ClusterArn, service.Name) : null;

    /// <summary>The cluster's services, advanced to now, in creation order.</summary>
    public IReadOnlyList<EmulatedService> InCluster(string clusterArn) =>
        _services.Values.Where(s => s.ClusterArn == clusterArn).OrderBy(s => s.CreatedAt).ToList().Select(s => Find(clusterArn, s.Name))
            .OfType<EmulatedService>().ToList();

    public void Put(EmulatedService service) => _services[(service.ClusterArn, service.Name)] = service;

    /// <summary>The last segment of a service ARN (<c>arn:aws:ecs:region:account:service/cluster/name</c>), or the name itself.</summary>
    public static string NameOf(string nameOrArn) =>
        nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? nameOrArn[(nameOrArn.LastIndexOf('/') + 1)..] : nameOrArn;
}
