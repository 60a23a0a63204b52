namespace EcsOperator.Aws.Core;

/// <summary>What AWSSDK.Core needs to know about one service (from the botocore model's metadata).</summary>
/// <param name="ServiceId">The SDK service id; AWS_ENDPOINT_URL_&lt;SERVICE_ID&gt; overrides its endpoint.</param>
/// <param name="SigningName">The SigV4 signing name (credential scope service).</param>
/// <param name="EndpointPrefix">The host prefix of the regional endpoint.</param>
/// <param name="ApiVersion">The API version (the awsQuery Version parameter).</param>
public sealed record AwsServiceDescriptor(string ServiceId, string SigningName, string EndpointPrefix, string ApiVersion)
{
    public static AwsServiceDescriptor Ecs { get; } = new("ECS", "ecs", "ecs", "2014-11-13");

    public static AwsServiceDescriptor Elbv2 { get; } = new("Elastic Load Balancing v2", "elasticloadbalancing", "elasticloadbalancing", "2015-12-01");

    public static AwsServiceDescriptor Efs { get; } = new("EFS", "elasticfilesystem", "elasticfilesystem", "2015-02-01");

    public static AwsServiceDescriptor Iam { get; } = new("IAM", "iam", "iam", "2010-05-08");
}
