using EcsOperator.Aws.Core;

namespace EcsOperator.Aws.Efs;

/// <summary>The AWSSDK.Core client configuration of Efs (service id, signing name, endpoint rules).</summary>
public sealed class EfsConfig() : AwsServiceConfig(AwsServiceDescriptor.Efs, AwsEndpointProviders.Regional("elasticfilesystem"));
