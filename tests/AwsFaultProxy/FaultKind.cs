namespace AwsFaultProxy;

/// <summary>What a <see cref="FaultRule"/> does to a matching call.</summary>
public enum FaultKind
{
    /// <summary>Answer with the protocol's throttling error (awsJson 400 ThrottlingException, awsQuery 400 Throttling, restJson 429).</summary>
    Throttle,

    /// <summary>Answer with a 5xx error (<see cref="FaultRule.StatusCode"/>, 500 by default) in the protocol's error shape.</summary>
    ServerError,

    /// <summary>Wait <see cref="FaultRule.LatencyMilliseconds"/> before handling the call; combines with the other kinds.</summary>
    Latency,

    /// <summary>Abort the connection before the call reaches the upstream: no response at all.</summary>
    Drop,

    /// <summary>Forward the call (the upstream applies it), then abort the connection instead of answering.</summary>
    DropResponse,

    /// <summary>A token bucket shared by every matching call; calls over budget get the throttling error.</summary>
    TokenBucket,

    /// <summary>Serve an awsJson list response in pages of <see cref="FaultRule.PageSize"/> with a proxy-made nextToken.</summary>
    SplitPages,

    /// <summary>
    /// Let the call through (the upstream or the ECS front applies it), then hold its answer until
    /// <see cref="ResponseHolds.Release"/> or the client goes away: a test can kill the client right after the call
    /// took effect and before the client learned it did.
    /// </summary>
    HoldResponse,
}
