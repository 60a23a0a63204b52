using System.Runtime.InteropServices;

namespace EcsOperator.Playground;

/// <summary>
/// Turns Ctrl-C, SIGTERM and SIGHUP into a cancellation, and keeps the process alive until the playground has
/// stopped the operator, LocalKube and moto: a process that died on the signal would leave moto running.
/// </summary>
public sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<PosixSignalRegistration> _registrations;

    public ShutdownSignal()
    {
        _registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }
            .Select(signal => PosixSignalRegistration.Create(signal, OnSignal))];
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
