using EcsOperator.Aws.Core;

namespace EcsOperator.Aws.ElasticLoadBalancingV2;

/// <summary>The AWSSDK.Core client configuration of Elbv2 (service id, signing name, endpoint rules).</summary>
public sealed class Elbv2Config() : AwsServiceConfig(AwsServiceDescriptor.Elbv2, AwsEndpointProviders.Regional("elasticloadbalancing"));
