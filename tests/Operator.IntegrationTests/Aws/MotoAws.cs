using Amazon.Runtime;
using EcsOperator.Aws;
using EcsOperator.Aws.Budget;
using EcsOperator.Aws.Core;
using EcsOperator.Aws.Metrics;
using EcsOperator.Testing;
using Prometheus;

namespace EcsOperator.IntegrationTests.Aws;

/// <summary>The operator's own AWS clients pointed at a moto server (or a proxy in front of it), with dummy credentials.</summary>
internal static class MotoAws
{
    static MotoAws()
    {
        // Core must never fall back to instance metadata (a non-loopback address) in tests.
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
    }

    public static AWSCredentials DummyCredentials { get; } = new BasicAWSCredentials("testing", "testing");

    /// <summary>A factory with its own metrics registry, so that a test can read its own counts.</summary>
    public static AwsClientFactory Factory(Uri endpoint, AWSCredentials? credentials = null, AwsRetryOptions? retry = null, AwsBudgetOptions? budget = null)
    {
        var options = new AwsClientOptions
        {
            Region = MotoServer.Region,
            EndpointUrl = endpoint.ToString().TrimEnd('/'),
            Credentials = credentials ?? DummyCredentials,
            Retry = retry ?? new AwsRetryOptions(),
            Budget = budget ?? new AwsBudgetOptions(),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var accounting = new AwsCallAccounting(new AwsCallBudget(options.ScaledBudget), new AwsMetrics(Prometheus.Metrics.NewCustomRegistry()));
        return new AwsClientFactory(options, accounting);
    }

    public static AwsClientFactory Factory(MotoServer moto) => Factory(moto.Endpoint);

    /// <summary>The ecs_operator_aws_requests_total count of one operation and code.</summary>
    public static double Count(AwsClientFactory factory, string service, string operation, string code) =>
        factory.Accounting.Metrics.Requests.WithLabels(service, operation, code).Value;
}
