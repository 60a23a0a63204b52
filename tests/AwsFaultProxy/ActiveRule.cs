namespace AwsFaultProxy;

/// <summary>A <see cref="FaultRule"/> installed in a proxy, with its call counter and (for TokenBucket) its bucket.</summary>
internal sealed class ActiveRule
{
    private readonly Pattern _service;
    private readonly Pattern _operation;
    private readonly int _seed;
    private readonly TokenBucket? _bucket;
    private long _matchedCalls;

    public ActiveRule(FaultRule rule, int key, int seed)
    {
        rule.Validate();
        Rule = rule;
        Key = key;
        _seed = seed;
        _service = Pattern.Parse(rule.Service, AwsServices.Normalize);
        _operation = Pattern.Parse(rule.Operation);
        _bucket = rule.Fault == FaultKind.TokenBucket ? new TokenBucket(rule.RatePerSecond, rule.Burst) : null;
    }

    public FaultRule Rule { get; }

    /// <summary>The rule's position since the last Clear/Replace: part of its deterministic draw.</summary>
    public int Key { get; }

    /// <summary>The matching calls counted so far, less those given back.</summary>
    public long MatchedCalls => Interlocked.Read(ref _matchedCalls);

    public bool Matches(AwsOperation operation) =>
        _service.Matches(operation.Service) && _operation.Matches(operation.Operation);

    /// <summary>Counts one matching call and says whether the rule fires on it.</summary>
    public bool Fires()
    {
        var index = Interlocked.Increment(ref _matchedCalls) - 1;
        if (index < Rule.SkipCalls || (Rule.FirstCalls is { } first && index >= Rule.SkipCalls + (long)first))
        {
            return false;
        }

        return Rule.Probability >= 1 || (Rule.Probability > 0 && SeededDraw.Unit(_seed, Key, index) < Rule.Probability);
    }

    /// <summary>
    /// Gives back one fired call (a HoldResponse whose client left before the answer could be held): with FirstCalls,
    /// the next matching call fires instead, so a test aiming at "the first answer of CreateService" still gets one.
    /// </summary>
    public void GiveBack() => Interlocked.Decrement(ref _matchedCalls);

    /// <summary>For TokenBucket rules: true when the call is over budget.</summary>
    public bool OverBudget() => _bucket is not null && !_bucket.TryTake();
}
