namespace AwsModelGen;

/// <summary>Which botocore model to read, which operations the operator uses, and where the C# goes.</summary>
internal sealed record ServiceSpec(
    string ModelDirectory,
    string ApiVersion,
    string Folder,
    string Namespace,
    string InterfaceName,
    string ClientName,
    string BaseExceptionName,
    IReadOnlyList<string> Operations)
{
    /// <summary>The operations the controllers need (issue 5). Adding one here and regenerating is all it takes.</summary>
    public static IReadOnlyList<ServiceSpec> All { get; } =
    [
        new("ecs", "2014-11-13", "Ecs", "EcsOperator.Aws.Ecs", "IEcsApi", "EcsClient", "AmazonECSException",
        [
            "CreateCluster", "DescribeClusters", "ListClusters", "UpdateCluster", "PutClusterCapacityProviders", "DeleteCluster",
            "RegisterTaskDefinition", "DescribeTaskDefinition", "ListTaskDefinitions", "ListTaskDefinitionFamilies", "DeregisterTaskDefinition",
            "DeleteTaskDefinitions", "CreateService", "DescribeServices", "UpdateService", "DeleteService", "ListServices",
            "TagResource", "UntagResource", "ListTagsForResource",
        ]),
        new("elbv2", "2015-12-01", "ElasticLoadBalancingV2", "EcsOperator.Aws.ElasticLoadBalancingV2", "IElbv2Api", "Elbv2Client",
            "AmazonElasticLoadBalancingV2Exception",
        [
            "CreateTargetGroup", "DescribeTargetGroups", "ModifyTargetGroup", "DeleteTargetGroup", "DescribeListeners",
            "DescribeLoadBalancers", "CreateRule", "DescribeRules", "ModifyRule", "DeleteRule", "SetRulePriorities",
            "ModifyTargetGroupAttributes", "DescribeTargetGroupAttributes", "AddTags", "RemoveTags", "DescribeTags",
        ]),
        new("efs", "2015-02-01", "Efs", "EcsOperator.Aws.Efs", "IEfsApi", "EfsClient", "AmazonElasticFileSystemException",
        [
            "DescribeFileSystems", "DescribeAccessPoints",
        ]),
        new("iam", "2010-05-08", "Iam", "EcsOperator.Aws.Iam", "IIamApi", "IamClient", "AmazonIdentityManagementServiceException",
        [
            "GetRole", "CreateRole", "DeleteRole", "AttachRolePolicy", "DetachRolePolicy", "ListAttachedRolePolicies", "TagRole",
        ]),
    ];
}
