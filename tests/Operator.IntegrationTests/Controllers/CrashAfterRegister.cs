using System.Reflection;
using System.Runtime.ExceptionServices;
using EcsOperator.Aws.Ecs;
using Ecs = EcsOperator.Aws.Ecs.Model;

namespace EcsOperator.IntegrationTests.Controllers;

/// <summary>
/// An <see cref="IEcsApi"/> that lets RegisterTaskDefinition reach AWS and then never returns: the operator is
/// frozen exactly between registering a revision and writing it to status, where a kill is most harmful.
/// Every other call passes straight through.
/// </summary>
public class CrashAfterRegister : DispatchProxy
{
    private IEcsApi _inner = null!;

    /// <summary>Completes once a revision has been registered in AWS and the caller is frozen.</summary>
    public TaskCompletionSource Registered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static (IEcsApi Api, CrashAfterRegister Control) Wrap(IEcsApi inner)
    {
        var api = Create<IEcsApi, CrashAfterRegister>();
        var control = (CrashAfterRegister)(object)api;
        control._inner = inner;
        return (api, control);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IEcsApi.RegisterTaskDefinitionAsync))
        {
            return RegisterThenFreezeAsync((Ecs.RegisterTaskDefinitionRequest)args![0]!, (CancellationToken)args[1]!);
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private async Task<Ecs.RegisterTaskDefinitionResponse> RegisterThenFreezeAsync(Ecs.RegisterTaskDefinitionRequest request, CancellationToken cancellationToken)
    {
        var response = await _inner.RegisterTaskDefinitionAsync(request, cancellationToken);
        Registered.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return response;
    }
}
