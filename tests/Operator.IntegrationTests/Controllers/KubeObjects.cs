using System.Net;
using System.Reflection;
using System.Text.Json;
using EcsOperator.Entities;
using EcsOperator.Testing;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Xunit;

namespace EcsOperator.IntegrationTests.Controllers;

/// <summary>Typed create/get/update/delete of the operator's kinds, and bounded waits on them.</summary>
public sealed class KubeObjects(IKubernetes client)
{
    /// <summary>Long enough for a reconcile chain on a loaded 2-core machine; short enough to fail fast.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How often the waits re-read the API: a real cluster is not hammered.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public IKubernetes Client { get; } = client;

    public async Task<string> CreateNamespaceAsync(string name)
    {
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } }, cancellationToken: Token);
        return name;
    }

    public async Task<T> CreateAsync<T>(T obj)
        where T : class, IEcsResource
    {
        var created = await Client.CustomObjects.CreateNamespacedCustomObjectAsync(obj, EntityGroup.Group, EntityGroup.Version, obj.Metadata.NamespaceProperty, Plural<T>(), cancellationToken: Token);
        return Convert<T>(created);
    }

    public async Task<T?> GetAsync<T>(string @namespace, string name)
        where T : class, IEcsResource
    {
        try
        {
            return Convert<T>(await Client.CustomObjects.GetNamespacedCustomObjectAsync(EntityGroup.Group, EntityGroup.Version, @namespace, Plural<T>(), name, Token));
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Read, change, replace: retried on 409 because the operator writes status concurrently.</summary>
    public async Task<T> UpdateAsync<T>(string @namespace, string name, Action<T> change)
        where T : class, IEcsResource
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await GetAsync<T>(@namespace, name) ?? throw new InvalidOperationException($"{@namespace}/{name} is gone");
            change(current);
            try
            {
                return Convert<T>(await Client.CustomObjects.ReplaceNamespacedCustomObjectAsync(current, EntityGroup.Group, EntityGroup.Version, @namespace, Plural<T>(), name, cancellationToken: Token));
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict && attempt < 10)
            {
            }
        }
    }

    public async Task DeleteAsync<T>(string @namespace, string name)
        where T : class, IEcsResource =>
        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(EntityGroup.Group, EntityGroup.Version, @namespace, Plural<T>(), name, cancellationToken: Token);

    /// <summary>Polls until <paramref name="done"/> holds for the object; fails with its last status otherwise.</summary>
    public async Task<T> WaitForAsync<T>(string @namespace, string name, Func<T, bool> done, string what, TimeSpan? timeout = null)
        where T : class, IEcsResource
    {
        T? last = null;
        if (await Eventually.TrueAsync(async () => (last = await GetAsync<T>(@namespace, name)) is not null && done(last), timeout ?? DefaultTimeout, Poll))
        {
            return last!;
        }

        Assert.Fail($"{typeof(T).Name} {@namespace}/{name} did not become {what} within {(timeout ?? DefaultTimeout).TotalSeconds} s; status: {(last is null ? "object missing" : KubernetesJson.Serialize(last.ResourceStatus))}");
        return last!;
    }

    /// <summary>Ready=True for the current generation.</summary>
    public Task<T> WaitReadyAsync<T>(string @namespace, string name, TimeSpan? timeout = null)
        where T : class, IEcsResource =>
        WaitForAsync<T>(@namespace, name, o => IsReady(o), "Ready", timeout);

    public Task<T> WaitConditionAsync<T>(string @namespace, string name, string type, string reason)
        where T : class, IEcsResource =>
        WaitForAsync<T>(@namespace, name, o => Condition(o, type) is { Status: ConditionStatus.True } c && c.Reason == reason, $"{type}={reason}");

    public async Task WaitGoneAsync<T>(string @namespace, string name)
        where T : class, IEcsResource
    {
        if (await Eventually.TrueAsync(async () => await GetAsync<T>(@namespace, name) is null, DefaultTimeout, Poll))
        {
            return;
        }

        var stuck = await GetAsync<T>(@namespace, name);
        Assert.Fail($"{typeof(T).Name} {@namespace}/{name} still exists after {DefaultTimeout.TotalSeconds} s; status: {(stuck is null ? "gone" : KubernetesJson.Serialize(stuck.ResourceStatus))}");
    }

    /// <summary>The reasons of the events.k8s.io Events recorded about the named object, waiting briefly for <paramref name="expected"/>.</summary>
    public async Task<IReadOnlyList<string>> EventReasonsAsync(string @namespace, string name, string expected, TimeSpan? wait = null)
    {
        List<string> reasons = [];
        await Eventually.TrueAsync(
            async () =>
            {
                var events = await Client.EventsV1.ListNamespacedEventAsync(@namespace, cancellationToken: Token);
                reasons = [.. events.Items.Where(e => e.Regarding?.Name == name).Select(e => e.Reason)];
                return reasons.Contains(expected);
            },
            wait ?? TimeSpan.FromSeconds(10),
            Poll);
        return reasons;
    }

    /// <summary>The notes of the Events recorded about the named object, waiting briefly for one that contains <paramref name="expected"/>.</summary>
    public async Task<IReadOnlyList<string>> EventMessagesAsync(string @namespace, string name, string expected)
    {
        List<string> notes = [];
        await Eventually.TrueAsync(
            async () =>
            {
                var events = await Client.EventsV1.ListNamespacedEventAsync(@namespace, cancellationToken: Token);
                notes = [.. events.Items.Where(e => e.Regarding?.Name == name).Select(e => e.Note ?? string.Empty)];
                return notes.Any(n => n.Contains(expected, StringComparison.Ordinal));
            },
            TimeSpan.FromSeconds(10),
            Poll);
        return notes;
    }

    public static bool IsReady(IEcsResource obj) =>
        Condition(obj, ConditionTypes.Ready)?.Status == ConditionStatus.True && obj.ResourceStatus.ObservedGeneration == obj.Metadata.Generation;

    public static Condition? Condition(IEcsResource obj, string type) => obj.ResourceStatus.Conditions.FirstOrDefault(c => c.Type == type);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Plural<T>() => typeof(T).GetCustomAttribute<KubernetesEntityAttribute>()!.PluralName;

    private static T Convert<T>(object raw) => KubernetesJson.Deserialize<T>(raw is JsonElement element ? element.GetRawText() : KubernetesJson.Serialize(raw));
}
