using EcsOperator.Aws.Core;

namespace EcsOperator.Aws.Iam;

/// <summary>The AWSSDK.Core client configuration of Iam (service id, signing name, endpoint rules).</summary>
public sealed class IamConfig() : AwsServiceConfig(AwsServiceDescriptor.Iam, AwsEndpointProviders.Iam);
