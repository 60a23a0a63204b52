using System.Reflection;
using System.Runtime.ExceptionServices;
using EcsOperator.Aws.ElasticLoadBalancingV2;
using Elb = EcsOperator.Aws.ElasticLoadBalancingV2.Model;

namespace EcsOperator.IntegrationTests.Controllers;

/// <summary>
/// An <see cref="IElbv2Api"/> that lets CreateRule reach AWS and then never returns: the operator is frozen between
/// creating the rule and writing it to status. Every other call passes straight through.
/// </summary>
public class CrashAfterCreateRule : DispatchProxy
{
    private IElbv2Api _inner = null!;

    /// <summary>Completes once a rule exists in AWS and the caller is frozen.</summary>
    public TaskCompletionSource Created { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static (IElbv2Api Api, CrashAfterCreateRule Control) Wrap(IElbv2Api inner)
    {
        var api = Create<IElbv2Api, CrashAfterCreateRule>();
        var control = (CrashAfterCreateRule)(object)api;
        control._inner = inner;
        return (api, control);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IElbv2Api.CreateRuleAsync))
        {
            return CreateThenFreezeAsync((Elb.CreateRuleRequest)args![0]!, (CancellationToken)args[1]!);
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

    private async Task<Elb.CreateRuleResponse> CreateThenFreezeAsync(Elb.CreateRuleRequest request, CancellationToken cancellationToken)
    {
        var response = await _inner.CreateRuleAsync(request, cancellationToken);
        Created.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return response;
    }
}
