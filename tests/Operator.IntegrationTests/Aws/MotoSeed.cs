using System.Text.Json;
using EcsOperator.Testing;

namespace EcsOperator.IntegrationTests.Aws;

/// <summary>
/// Prerequisites the ECS/ELBv2/EFS calls need and the operator does not create: a VPC with two subnets, a security
/// group, an ALB with an HTTP listener, an EFS file system with an access point. moto's IDs are random, so the
/// seed returns them. It runs boto3 in one python3 process (faster than one awscli call per resource).
/// </summary>
internal sealed record MotoSeed(
    string VpcId,
    IReadOnlyList<string> SubnetIds,
    string SecurityGroupId,
    string LoadBalancerArn,
    string ListenerArn,
    string FileSystemId,
    string AccessPointId)
{
    private const string Script = """
        import boto3, json, sys, uuid
        ec2 = boto3.client("ec2"); elb = boto3.client("elbv2"); efs = boto3.client("efs")
        name = sys.argv[1]
        vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
        subnets = [ec2.create_subnet(VpcId=vpc, CidrBlock=f"10.0.{i}.0/24", AvailabilityZone=az)["Subnet"]["SubnetId"]
                   for i, az in enumerate(["us-east-1a", "us-east-1b"])]
        sg = ec2.create_security_group(GroupName=name, Description="ecs-operator test", VpcId=vpc)["GroupId"]
        lb = elb.create_load_balancer(Name=name, Subnets=subnets, SecurityGroups=[sg], Type="application")["LoadBalancers"][0]["LoadBalancerArn"]
        tg = elb.create_target_group(Name=name + "-d", Protocol="HTTP", Port=80, VpcId=vpc, TargetType="ip")["TargetGroups"][0]["TargetGroupArn"]
        listener = elb.create_listener(LoadBalancerArn=lb, Protocol="HTTP", Port=80,
                                       DefaultActions=[{"Type": "forward", "TargetGroupArn": tg}])["Listeners"][0]["ListenerArn"]
        fs = efs.create_file_system(CreationToken=name, Tags=[{"Key": "Name", "Value": name}])["FileSystemId"]
        ap = efs.create_access_point(ClientToken=str(uuid.uuid4()), FileSystemId=fs)["AccessPointId"]
        print(json.dumps({"VpcId": vpc, "SubnetIds": subnets, "SecurityGroupId": sg, "LoadBalancerArn": lb,
                          "ListenerArn": listener, "FileSystemId": fs, "AccessPointId": ap}))
        """;

    public static async Task<MotoSeed> CreateAsync(MotoServer moto, CancellationToken cancellationToken)
    {
        var python = ExternalTools.Require("python3", "install python3 with boto3");
        var name = TestNames.Unique("seed");
        var result = await ProcessRunner.RunAsync(python, ["-c", Script, name], environment: moto.ClientEnvironment, timeout: TimeSpan.FromSeconds(120), cancellationToken: cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"seeding moto failed: {result}");
        }

        return JsonSerializer.Deserialize<MotoSeed>(result.StdOut) ?? throw new InvalidOperationException($"seed printed nothing: {result}");
    }
}
