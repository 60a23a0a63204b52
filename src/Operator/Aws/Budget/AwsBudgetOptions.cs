using EcsOperator.Aws.Core;

namespace EcsOperator.Aws.Budget;

/// <summary>Sustained rate (tokens per second) and burst (bucket size) of one API family.</summary>
public sealed record BucketSize(double RatePerSecond, double Burst);

/// <summary>
/// The client-side call budget per API family, shared by every reconciler for one account and region.
/// <para>
/// ECS defaults follow AWS's published ECS throttling: "Request throttling for the Amazon ECS API",
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/request-throttling.html — read actions such as
/// DescribeClusters have a bucket of 50 tokens refilled at 20 per second. ECS's modification actions are throttled
/// harder than reads, so mutations get a smaller sustained rate here (a bucket of 20, 5/s). ELBv2, IAM and EFS publish no
/// per-action numbers; their defaults are conservative (IAM is a global, low-rate control plane).
/// </para>
/// <para>
/// Each burst is kept 10% under the server's bucket (50 → 45, 20 → 18, 10 → 9). AWS measures its bucket when a call
/// arrives, not when the client sent it, so calls paced at exactly the sustained rate arrive closer together now and
/// then (network and scheduling jitter) and find the server's bucket a fraction of a token short: a throttle, and a
/// retry. Once the client's smaller burst is spent, the server's bucket keeps the difference in reserve, which absorbs
/// that much jitter (5 tokens at 20 a second: 250 ms), at no cost to the sustained rate. Measured in the steady
/// benchmark with the server's bucket emulated (docs/performance.md): with equal buckets, a sweep paced at the read
/// rate drew about one throttled call per resync.
/// </para>
/// <para>
/// <see cref="Scale"/> multiplies every rate and burst: shards of one account set it (--aws-budget-scale) so that
/// together they stay within the account's throttle.
/// </para>
/// </summary>
public sealed record AwsBudgetOptions
{
    public BucketSize EcsDescribe { get; init; } = new(20, 45);

    public BucketSize EcsMutate { get; init; } = new(5, 18);

    public BucketSize Elbv2 { get; init; } = new(10, 18);

    public BucketSize Iam { get; init; } = new(5, 9);

    public BucketSize Efs { get; init; } = new(10, 18);

    /// <summary>A factor (&gt; 0) on every family's rate and burst.</summary>
    public double Scale { get; init; } = 1.0;

    public BucketSize For(AwsApiFamily family)
    {
        var size = family switch
        {
            AwsApiFamily.EcsDescribe => EcsDescribe,
            AwsApiFamily.EcsMutate => EcsMutate,
            AwsApiFamily.Elbv2 => Elbv2,
            AwsApiFamily.Iam => Iam,
            AwsApiFamily.Efs => Efs,
            _ => throw new ArgumentOutOfRangeException(nameof(family), family, null),
        };
        return new BucketSize(size.RatePerSecond * Scale, Math.Max(1, size.Burst * Scale));
    }
}
