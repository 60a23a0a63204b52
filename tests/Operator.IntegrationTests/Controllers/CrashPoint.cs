using AwsFaultProxy;
using EcsOperator.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EcsOperator.IntegrationTests.Controllers;

/// <summary>
/// The one way the controller tests crash the operator at an exact point: the fault proxy applies the next matching
/// AWS call and holds its answer (<see cref="FaultRule.HoldResponse"/>), the test stops the operator while it waits,
/// and so the operator dies between "AWS did it" and "the operator knows". Restart it with
/// <see cref="OperatorStack.StartOperatorAsync"/> and assert that it converges with no duplicate.
/// </summary>
public static class CrashPoint
{
    /// <summary>
    /// Restarts the operator so that a stop does not wait for the frozen reconcile, runs <paramref name="trigger"/>,
    /// and stops the operator once the first <paramref name="service"/>/<paramref name="operation"/> call after it has
    /// been applied and held. The hold rule is removed again.
    /// </summary>
    public static async Task<HeldCall> KillAfterAsync(OperatorStack stack, string service, string operation, Func<Task> trigger)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(trigger);
        await stack.StopOperatorAsync();
        await stack.StartOperatorAsync(ShortShutdown);

        var held = new TaskCompletionSource<HeldCall>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = stack.Proxy.Holds.OnHeld(call =>
        {
            if (string.Equals(call.Operation, operation, StringComparison.Ordinal))
            {
                held.TrySetResult(call);
            }
        });
        var rule = stack.Proxy.Rules.Add(FaultRule.HoldResponse(service, operation) with { FirstCalls = 1 });
        try
        {
            await trigger();
            var call = await held.Task.WaitAsync(KubeObjects.DefaultTimeout, TestContext.Current.CancellationToken);
            await stack.StopOperatorAsync();
            return call;
        }
        finally
        {
            stack.Proxy.Rules.Remove(rule);
        }
    }

    /// <summary>The frozen reconcile never finishes: the stop must not wait the default drain time for it.</summary>
    private static void ShortShutdown(IServiceCollection services)
    {
        var runtime = (OperatorRuntimeOptions)services.Last(d => d.ServiceType == typeof(OperatorRuntimeOptions)).ImplementationInstance!;
        runtime.ShutdownTimeout = TimeSpan.FromSeconds(1);
    }
}
