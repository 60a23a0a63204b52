using System.Collections.Immutable;

namespace AwsFaultProxy;

/// <summary>
/// The proxy's rules, checked in order for every call. Every matching rule counts the call; Latency rules
/// add up; the first Throttle/ServerError/Drop/DropResponse rule that fires, or TokenBucket rule whose budget
/// is spent, decides the fault; the first SplitPages rule that fires pages the response; the first HoldResponse
/// rule that fires holds the answer.
/// Thread-safe. <see cref="Clear"/> and <see cref="Replace"/> restart counters, buckets and draws.
/// </summary>
public sealed class FaultRules
{
    private readonly Lock _gate = new();
    private readonly int _seed;
    private ImmutableArray<ActiveRule> _rules = [];
    private int _nextKey;

    internal FaultRules(int seed) => _seed = seed;

    /// <summary>The installed rules, in the order they are checked.</summary>
    public IReadOnlyList<FaultRule> Current => _rules.Select(r => r.Rule).ToArray();

    /// <summary>Appends a rule (validated) and returns it, so that it can be removed later.</summary>
    public FaultRule Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_gate)
        {
            _rules = _rules.Add(new ActiveRule(rule, _nextKey++, _seed));
        }

        return rule;
    }

    /// <summary>
    /// The matching calls the first installed rule equal to <paramref name="rule"/> has counted, less those given back
    /// (a HoldResponse whose client left first); 0 when no such rule is installed.
    /// </summary>
    public long MatchedCalls(FaultRule rule) => _rules.FirstOrDefault(r => r.Rule == rule)?.MatchedCalls ?? 0;

    /// <summary>Removes the first installed rule equal to <paramref name="rule"/>.</summary>
    public bool Remove(FaultRule rule)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rules.Length; i++)
            {
                if (_rules[i].Rule == rule)
                {
                    _rules = _rules.RemoveAt(i);
                    return true;
                }
            }

            return false;
        }
    }

    public void Clear() => Replace([]);

    /// <summary>Installs exactly these rules, all validated first, with fresh counters.</summary>
    public void Replace(IEnumerable<FaultRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var active = rules.Select((rule, i) => new ActiveRule(rule, i, _seed)).ToImmutableArray();
        lock (_gate)
        {
            _rules = active;
            _nextKey = active.Length;
        }
    }

    internal FaultDecision Decide(AwsOperation operation)
    {
        var delay = TimeSpan.Zero;
        FaultRule? fault = null;
        FaultRule? pager = null;
        ActiveRule? hold = null;
        foreach (var rule in _rules.Where(r => r.Matches(operation)))
        {
            switch (rule.Rule.Fault)
            {
                case FaultKind.Latency when rule.Fires():
                    delay += TimeSpan.FromMilliseconds(rule.Rule.LatencyMilliseconds);
                    break;
                case FaultKind.SplitPages when rule.Fires():
                    pager ??= rule.Rule;
                    break;
                case FaultKind.HoldResponse when rule.Fires():
                    hold ??= rule;
                    break;
                case FaultKind.TokenBucket when fault is null:
                    // Only calls that would reach the upstream spend budget.
                    fault = rule.Fires() && rule.OverBudget() ? rule.Rule : null;
                    break;
                case FaultKind.Throttle or FaultKind.ServerError or FaultKind.Drop or FaultKind.DropResponse when rule.Fires():
                    fault ??= rule.Rule;
                    break;
                default:
                    break;
            }
        }

        return new FaultDecision(delay, fault, pager, hold);
    }
}
