using System.Runtime.InteropServices;

namespace EcsOperator.Playground;

/// <summary>
/// Turns Ctrl-C, SIGTERM and SIGHUP into a cancellation, and keeps the process alive until the playground has
/// stopped the operator, LocalKube and moto: a process that died on the signal would leave moto running.
/// It must be created first thing in Main, before Console or Process, and it also takes back a SIGINT that the
/// parent left ignored (see <see cref="InterruptDisposition"/>).
/// </summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<PosixSignalRegistration> _registrations;

    public ShutdownSignal()
    {
        var interruptWasIgnored = InterruptDisposition.IsIgnored();
        if (interruptWasIgnored)
        {
            InterruptDisposition.RestoreDefault();
        }

        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }
            .Select(signal => PosixSignalRegistration.Create(signal, OnSignal))];
        if (interruptWasIgnored && InterruptDisposition.IsDefault())
        {
            // The runtime had settled SIGINT before us (something touched Console or Process first) and installed
            // no handler: ignored is then the only safe choice, because the default action would kill the process
            // without stopping LocalKube and moto.
            InterruptDisposition.Ignore();
        }
    }

    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true; // the playground exits by itself once everything is stopped
        _stop.Cancel();
    }
}
