using System.Diagnostics;
using AwsFaultProxy.Ecs;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AwsFaultProxy;

/// <summary>
/// Handles one AWS call: identify it, ask the rules, wait out any latency, then inject the fault or forward
/// (paging when a SplitPages rule fired), or let the ECS services front answer the calls it owns. Stats are recorded before the client can see the response.
/// A call that was forwarded is carried through to the upstream's answer even when the client hangs up meanwhile, as AWS
/// applies a request it has received whoever still listens: the record then holds every call the upstream applied (a
/// create the client abandoned still counts as a create), with a null client status.
/// </summary>
internal sealed class ProxyHandler(FaultRules rules, ProxyStats stats, ResponseHolds holds, UpstreamForwarder forwarder, EcsFront? ecsFront, Uri upstream, ILogger logger, ActionRecord actions, CancellationToken stopping)
{
    private readonly PageSplitter _pager = new(forwarder, stats);

    public async Task HandleAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        CallOrigin.Capture(context);
        var body = await ReadBodyAsync(context.Request, ct);
        var operation = OperationIdentifier.Identify(context.Request, body);
        actions.Add(operation);
        var decision = rules.Decide(operation);
        var held = false;
        try
        {
            if (decision.Delay > TimeSpan.Zero)
            {
                await DelayAtLeastAsync(decision.Delay, ct);
            }

            if (decision.Fault is { } fault && fault.Fault != FaultKind.DropResponse)
            {
                await InjectAsync(context, operation, decision, fault);
            }
            else
            {
                held = await ForwardAsync(context, operation, decision, body);
            }
        }
        finally
        {
            if (!held)
            {
                // The hold rule fired but nothing was held (a fault answered instead, or the client left first, e.g.
                // a crash test's random kill): the next matching call is held in its place.
                decision.Hold?.GiveBack();
            }
        }
    }

    /// <summary>Forwards the call; true when its answer was held (a HoldResponse rule's callbacks ran).</summary>
    private async Task<bool> ForwardAsync(HttpContext context, AwsOperation operation, FaultDecision decision, byte[] body)
    {
        var ct = context.RequestAborted;
        HttpResponseMessage response;
        bool paged;
        try
        {
            // Not the client's token: its hang-up must not abort (and so hide) a call the upstream may already have applied.
            (response, paged) = await SendAsync(context, operation, decision, body, stopping);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stopping.IsCancellationRequested)
        {
            Log.ForwardFailed(logger, operation.Service, operation.Operation, upstream, e.Message);
            stats.RecordCall(operation, decision, decision.Fault?.Fault, StatusCodes.Status502BadGateway, origin: CallOrigin.Of(context));
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return false;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (decision.Fault is { Fault: FaultKind.DropResponse })
            {
                // The upstream applied the call; the client never learns whether it did.
                stats.RecordCall(operation, decision, FaultKind.DropResponse, null, status, CallOrigin.Of(context));
                context.Abort();
                return false;
            }

            var fault = decision.Hold is not null ? FaultKind.HoldResponse : paged ? FaultKind.SplitPages : (FaultKind?)null;
            var clientGone = ct.IsCancellationRequested;
            stats.RecordCall(operation, decision, fault, clientGone ? null : status, status, CallOrigin.Of(context));
            if (clientGone)
            {
                return false;
            }

            if (decision.Hold is not null && !await HoldAsync(operation, status, ct))
            {
                return true; // held; the client left before the release
            }

            await UpstreamForwarder.CopyResponseAsync(response, context.Response, ct);
            return decision.Hold is not null;
        }
    }

    /// <summary>Holds the answer until released; false when the client went away meanwhile.</summary>
    private async Task<bool> HoldAsync(AwsOperation operation, int status, CancellationToken ct)
    {
        try
        {
            await holds.HoldAsync(operation.Service, operation.Operation, status, ct);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<(HttpResponseMessage Response, bool Paged)> SendAsync(HttpContext context, AwsOperation operation, FaultDecision decision, byte[] body, CancellationToken ct)
    {
        if (ecsFront is not null && EcsFront.Handles(operation, body))
        {
            return (await ecsFront.AnswerAsync(context, operation, body, ct), false);
        }

        if (decision.Pager is { } pager && await _pager.FetchPageAsync(context, operation, pager, body, ct) is { } page)
        {
            return page;
        }

        var response = await forwarder.SendAsync(context, body, ct);
        stats.RecordUpstream(operation, (int)response.StatusCode);
        return (response, false);
    }

    private async Task InjectAsync(HttpContext context, AwsOperation operation, FaultDecision decision, FaultRule fault)
    {
        Log.FaultInjected(logger, fault.Fault, operation.Service, operation.Operation);
        if (fault.Fault == FaultKind.Drop)
        {
            stats.RecordCall(operation, decision, FaultKind.Drop, null, origin: CallOrigin.Of(context));
            context.Abort();
            return;
        }

        var (status, code) = fault.Fault == FaultKind.ServerError
            ? (fault.StatusCode == 0 ? 500 : fault.StatusCode, (string?)null)
            : ErrorResponses.Throttling(operation.Protocol);
        code = fault.ErrorCode ?? code ?? ErrorResponses.ServerErrorCode(operation.Protocol, status);
        var message = fault.Fault == FaultKind.ServerError ? "Injected server error" : ErrorResponses.ThrottleMessage;
        stats.RecordCall(operation, decision, fault.Fault, status, origin: CallOrigin.Of(context));
        await ErrorResponses.WriteAsync(context.Response, operation, status, code, message, context.RequestAborted);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>
    /// Task.Delay's timer counts whole milliseconds of a coarse clock and may end a fraction of one early (399.96 ms for
    /// 400 were seen in CI): the injected latency is a lower bound, so the remainder is waited out.
    /// </summary>
    private static async Task DelayAtLeastAsync(TimeSpan delay, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        for (var remaining = delay; remaining > TimeSpan.Zero; remaining = delay - Stopwatch.GetElapsedTime(started))
        {
            await Task.Delay(remaining < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : remaining, ct);
        }
    }
}
