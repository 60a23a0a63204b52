using AwsFaultProxy;
using EcsOperator.ReliabilityTests.Harness;

namespace EcsOperator.ReliabilityTests.CrashPoints;

/// <summary>
/// Keeps one operator process running and SIGKILLs it: at seeded random moments, and (with <see cref="AimAt"/>) the
/// instant the proxy holds the answer of a create that AWS has applied, before the operator could write its status.
/// Every kill is followed by a restart; kills and restarts never overlap.
/// </summary>
internal sealed class OperatorChaos(ReliabilityStack stack, OperatorLaunch launch) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<string> _aimedKills = [];
    private readonly List<Task> _aimedRestarts = [];
    private OperatorProcess? _current;
    private IDisposable? _hook;

    public int Kills { get; private set; }

    public IReadOnlyList<string> AimedKills
    {
        get
        {
            lock (_aimedKills)
            {
                return [.. _aimedKills];
            }
        }
    }

    /// <summary>
    /// The aimed operations whose applied answer an operator never heard: those killed on their held answer, and those
    /// whose first call a random kill cut off while AWS applied it (the proxy then gives the hold's claim back, but the
    /// restarted operator finds what AWS made and never calls again, so nothing comes to hold). Both are the moment
    /// the aim is for: AWS did it, and the operator does not know.
    /// </summary>
    public IReadOnlyList<string> UnheardAimedAnswers()
    {
        var cutOff = stack.Proxy.Stats.Journal()
            .Where(c => c.Fault == FaultKind.HoldResponse && c.ClientStatus is null)
            .Select(c => c.Operation);
        return [.. AimedKills.Concat(cutOff).Distinct().Order(StringComparer.Ordinal)];
    }

    public OperatorProcess Current => _current ?? throw new InvalidOperationException("no operator started");

    public void Start() => _current = stack.StartOperator(launch);

    /// <summary>Holds the first answer of each operation, kills the operator from the hold callback, then restarts it.</summary>
    public void AimAt(params (string Service, string Operation)[] operations)
    {
        foreach (var (service, operation) in operations)
        {
            stack.Proxy.Rules.Add(FaultRule.HoldResponse(service, operation) with { FirstCalls = 1 });
        }

        _hook = stack.Proxy.Holds.OnHeld(call =>
        {
            _current?.KillNow(); // synchronously, before the held answer could be delivered
            lock (_aimedKills)
            {
                _aimedKills.Add(call.Operation);
                _aimedRestarts.Add(Task.Run(() => KillAndRestartAsync()));
            }
        });
    }

    /// <summary>SIGKILL, then a new process; <paramref name="whileDown"/> runs in between (e.g. resetting the proxy's counts).</summary>
    public async Task KillAndRestartAsync(Action? whileDown = null)
    {
        await _gate.WaitAsync();
        try
        {
            if (_current is { } running)
            {
                await running.KillAsync();
                Kills++;
            }

            whileDown?.Invoke();
            _current = stack.StartOperator(launch);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Kills at <paramref name="count"/> random moments, each 0.3–3 s after the previous (re)start.</summary>
    public async Task KillRandomlyAsync(Random random, int count, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 3000)), cancellationToken);
            await KillAndRestartAsync();
        }
    }

    /// <summary>Waits for the restarts that aimed kills scheduled, so that a phase ends with an operator running.</summary>
    public async Task SettleAsync()
    {
        Task[] pending;
        lock (_aimedKills)
        {
            pending = [.. _aimedRestarts];
        }

        await Task.WhenAll(pending);
    }

    public async ValueTask DisposeAsync()
    {
        _hook?.Dispose();
        await SettleAsync();
        _gate.Dispose();
    }
}
