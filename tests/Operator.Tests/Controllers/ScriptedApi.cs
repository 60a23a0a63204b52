using System.Reflection;
namespace EcsOperator.Tests.Controllers;

/// <summary>
/// A scripted AWS client interface (IEcsApi, IIamApi...): each operation answers from a handler the test sets, and every call is recorded
/// by name, so a test can say "only DescribeClusters was called". An operation without a handler fails the test.
/// </summary>
public class ScriptedApi<TApi> : DispatchProxy
    where TApi : class
{
    private readonly Dictionary<string, Func<object, object>> _handlers = [];

    public List<string> Calls { get; } = [];

    public TApi Api { get; private set; } = null!;

    /// <summary>Called once by <see cref="Scripted.For{TApi}"/> on the proxy it created.</summary>
    internal void Attach(TApi api) => Api = api;

    /// <summary>Answers <typeparamref name="TRequest"/> with the handler's response, or with the exception it throws.</summary>
    public ScriptedApi<TApi> On<TRequest, TResponse>(Func<TRequest, TResponse> handler)
        where TResponse : class
    {
        _handlers[typeof(TRequest).Name.Replace("Request", string.Empty, StringComparison.Ordinal)] = request => handler((TRequest)request);
        return this;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var operation = targetMethod.Name[..^"Async".Length];
        Calls.Add(operation);
        if (!_handlers.TryGetValue(operation, out var handler))
        {
            throw new InvalidOperationException($"unexpected call {operation}");
        }

        var responseType = targetMethod.ReturnType.GetGenericArguments()[0];
        try
        {
            var response = handler(args![0]!);
            return typeof(Task).GetMethod(nameof(Task.FromResult))!.MakeGenericMethod(responseType).Invoke(null, [response]);
        }
        catch (Exception e)
        {
            return typeof(Task).GetMethods().Single(m => m.Name == nameof(Task.FromException) && m.IsGenericMethod).MakeGenericMethod(responseType).Invoke(null, [e]);
        }
    }
}

/// <summary>Creates <see cref="ScriptedApi{TApi}"/> instances.</summary>
public static class Scripted
{
    public static ScriptedApi<TApi> For<TApi>()
        where TApi : class
    {
        var api = DispatchProxy.Create<TApi, ScriptedApi<TApi>>();
        var scripted = (ScriptedApi<TApi>)(object)api;
        scripted.Attach(api);
        return scripted;
    }
}
