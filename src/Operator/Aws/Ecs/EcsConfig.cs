using EcsOperator.Aws.Core;

namespace EcsOperator.Aws.Ecs;

/// <summary>The AWSSDK.Core client configuration of Ecs (service id, signing name, endpoint rules).</summary>
public sealed class EcsConfig() : AwsServiceConfig(AwsServiceDescriptor.Ecs, AwsEndpointProviders.Regional("ecs"));
