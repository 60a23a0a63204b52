using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using EcsOperator.Aws.Budget;
using EcsOperator.Aws.Metrics;
using EcsOperator.Diagnostics;

namespace EcsOperator.Aws.Core;

/// <summary>The call budget and metrics shared by every client of one account and region.</summary>
public sealed class AwsCallAccounting(AwsCallBudget budget, AwsMetrics metrics)
{
    public AwsCallBudget Budget { get; } = budget;

    public AwsMetrics Metrics { get; } = metrics;
}

/// <summary>
/// A pipeline step inside Core's RetryHandler, so it runs once per attempt: it waits for a budget token, then counts
/// the attempt and its latency by result code. Sync calls are not supported (the clients are async only).
/// </summary>
internal sealed class CallAccountingHandler(AwsCallAccounting accounting, string service) : PipelineHandler
{
    public override void InvokeSync(IExecutionContext executionContext) =>
        throw new NotSupportedException("The ecs-operator AWS clients are async only.");

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        var operation = ((AwsOperationRequest)executionContext.RequestContext.OriginalRequest).Operation;
        var waited = await accounting.Budget.WaitAsync(operation.Family, executionContext.RequestContext.CancellationToken);
        accounting.Metrics.BudgetWait.WithLabels(operation.Family.ToString()).Observe(waited.TotalSeconds);
        if (WatchEventTrigger.TakeFirstCall() is { } sinceEvent)
        {
            // The budget wait is AWS's limit, not the operator's overhead: it is measured apart, just above.
            accounting.Metrics.WatchEventToCall.Observe((sinceEvent - waited).TotalSeconds);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.InvokeAsync<T>(executionContext);
            accounting.Metrics.Record(service, operation.Name, "OK", Stopwatch.GetElapsedTime(started));
            return response;
        }
        catch (AmazonServiceException ex)
        {
            var code = ex.ErrorCode ?? ((int)ex.StatusCode).ToString(CultureInfo.InvariantCulture);
            accounting.Metrics.Record(service, operation.Name, code, Stopwatch.GetElapsedTime(started));
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            accounting.Metrics.Record(service, operation.Name, ex.GetType().Name, Stopwatch.GetElapsedTime(started));
            throw;
        }
    }
}
