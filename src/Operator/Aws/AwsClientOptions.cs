using Amazon.Runtime;
using EcsOperator.Aws.Budget;
using EcsOperator.Aws.Core;

namespace EcsOperator.Aws;

/// <summary>
/// How the operator reaches AWS. Everything is optional: without a region, AWSSDK.Core's chain (AWS_REGION, the
/// profile) decides; without credentials, Core's default chain (env, profile/SSO, IRSA web identity, ECS/EKS
/// Pod Identity container credentials, instance metadata) does.
/// </summary>
public sealed record AwsClientOptions
{
    /// <summary>--region. The signing region too when <see cref="EndpointUrl"/> is set.</summary>
    public string? Region { get; init; }

    /// <summary>--aws-endpoint-url: one endpoint for every service (an emulator such as moto, or a proxy).</summary>
    public string? EndpointUrl { get; init; }

    /// <summary>--aws-budget-scale: a factor on every API family's token bucket.</summary>
    public double BudgetScale { get; init; } = 1.0;

    /// <summary>The per-family buckets before scaling.</summary>
    public AwsBudgetOptions Budget { get; init; } = new();

    public AwsRetryOptions Retry { get; init; } = new();

    /// <summary>Explicit credentials (tests); null uses Core's default credential chain.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>The per-attempt HTTP timeout (null keeps Core's default).</summary>
    public TimeSpan? Timeout { get; init; }

    public AwsBudgetOptions ScaledBudget => Budget with { Scale = Budget.Scale * BudgetScale };
}
