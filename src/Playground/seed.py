# Seeds an AWS endpoint (moto, usually) with what the quickstart samples reference, and prints the IDs as
# one JSON object on stdout. Idempotent: every resource is found by its name or tag first, so running it
# again against the same endpoint reuses what is there. Configuration comes from the environment:
# AWS_ENDPOINT_URL, AWS_REGION and dummy credentials, set by the playground.
import json
import os
import sys

import boto3

NAME = "ecs-operator-playground"
TAGS = [{"Key": "Name", "Value": NAME}, {"Key": "ecs.operator.dev/playground", "Value": "true"}]
REGION = os.environ["AWS_REGION"]
TRUST_POLICY = json.dumps({
    "Version": "2012-10-17",
    "Statement": [{
        "Effect": "Allow",
        "Principal": {"Service": "ecs-tasks.amazonaws.com"},
        "Action": "sts:AssumeRole",
    }],
})


def client(service):
    return boto3.client(service, region_name=REGION, endpoint_url=os.environ["AWS_ENDPOINT_URL"])


def tagged(name):
    return [{"Key": "Name", "Value": name}, TAGS[1]]


def by_name_filter(name):
    return [{"Name": "tag:Name", "Values": [name]}]


def vpc(ec2):
    found = ec2.describe_vpcs(Filters=by_name_filter(NAME))["Vpcs"]
    if found:
        return found[0]["VpcId"]
    spec = [{"ResourceType": "vpc", "Tags": tagged(NAME)}]
    return ec2.create_vpc(CidrBlock="10.42.0.0/16", TagSpecifications=spec)["Vpc"]["VpcId"]


def subnet(ec2, vpc_id, suffix, cidr, zone):
    name = f"{NAME}-{suffix}"
    found = ec2.describe_subnets(Filters=by_name_filter(name) + [{"Name": "vpc-id", "Values": [vpc_id]}])["Subnets"]
    if found:
        return found[0]["SubnetId"]
    spec = [{"ResourceType": "subnet", "Tags": tagged(name)}]
    created = ec2.create_subnet(VpcId=vpc_id, CidrBlock=cidr, AvailabilityZone=zone, TagSpecifications=spec)
    return created["Subnet"]["SubnetId"]


def security_group(ec2, vpc_id):
    filters = [{"Name": "group-name", "Values": [NAME]}, {"Name": "vpc-id", "Values": [vpc_id]}]
    found = ec2.describe_security_groups(Filters=filters)["SecurityGroups"]
    if found:
        return found[0]["GroupId"]
    spec = [{"ResourceType": "security-group", "Tags": tagged(NAME)}]
    group_id = ec2.create_security_group(
        GroupName=NAME, Description="ecs-operator playground", VpcId=vpc_id, TagSpecifications=spec)["GroupId"]
    ec2.authorize_security_group_ingress(
        GroupId=group_id,
        IpPermissions=[{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    return group_id


def role(iam, name, actions):
    try:
        arn = iam.get_role(RoleName=name)["Role"]["Arn"]
    except iam.exceptions.NoSuchEntityException:
        arn = iam.create_role(RoleName=name, AssumeRolePolicyDocument=TRUST_POLICY, Tags=TAGS)["Role"]["Arn"]
    # An inline policy rather than the AWS-managed AmazonECSTaskExecutionRolePolicy: moto does not load the
    # managed policies unless told to, and put_role_policy is idempotent.
    policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}]}
    iam.put_role_policy(RoleName=name, PolicyName=NAME, PolicyDocument=json.dumps(policy))
    return arn


def file_system(efs):
    found = efs.describe_file_systems(CreationToken=NAME)["FileSystems"]
    if found:
        return found[0]["FileSystemId"]
    return efs.create_file_system(CreationToken=NAME, Encrypted=True, Tags=TAGS)["FileSystemId"]


def mount_targets(efs, fs_id, subnet_ids, group_id):
    existing = {m["SubnetId"] for m in efs.describe_mount_targets(FileSystemId=fs_id)["MountTargets"]}
    for subnet_id in subnet_ids:
        if subnet_id not in existing:
            efs.create_mount_target(FileSystemId=fs_id, SubnetId=subnet_id, SecurityGroups=[group_id])


def access_point(efs, fs_id):
    for point in efs.describe_access_points(FileSystemId=fs_id)["AccessPoints"]:
        if any(t["Key"] == "Name" and t["Value"] == NAME for t in point.get("Tags", [])):
            return point["AccessPointId"]
    created = efs.create_access_point(
        ClientToken=NAME, FileSystemId=fs_id, Tags=TAGS,
        PosixUser={"Uid": 1000, "Gid": 1000},
        RootDirectory={"Path": "/data", "CreationInfo": {"OwnerUid": 1000, "OwnerGid": 1000, "Permissions": "750"}})
    return created["AccessPointId"]


def load_balancer(elb, subnet_ids, group_id):
    try:
        return elb.describe_load_balancers(Names=[NAME])["LoadBalancers"][0]["LoadBalancerArn"]
    except elb.exceptions.LoadBalancerNotFoundException:
        pass
    created = elb.create_load_balancer(
        Name=NAME, Subnets=subnet_ids, SecurityGroups=[group_id], Scheme="internet-facing",
        Type="application", IpAddressType="ipv4", Tags=TAGS)
    return created["LoadBalancers"][0]["LoadBalancerArn"]


def listener(elb, lb_arn):
    for existing in elb.describe_listeners(LoadBalancerArn=lb_arn)["Listeners"]:
        if existing["Port"] == 80:
            return existing["ListenerArn"]
    fixed = {"StatusCode": "404", "ContentType": "text/plain", "MessageBody": "no route"}
    created = elb.create_listener(
        LoadBalancerArn=lb_arn, Protocol="HTTP", Port=80,
        DefaultActions=[{"Type": "fixed-response", "FixedResponseConfig": fixed}])
    return created["Listeners"][0]["ListenerArn"]


def network_load_balancer(elb, subnet_ids):
    name = f"{NAME}-nlb"
    try:
        return elb.describe_load_balancers(Names=[name])["LoadBalancers"][0]["LoadBalancerArn"]
    except elb.exceptions.LoadBalancerNotFoundException:
        pass
    created = elb.create_load_balancer(
        Name=name, Subnets=subnet_ids, Scheme="internet-facing", Type="network", IpAddressType="ipv4", Tags=TAGS)
    return created["LoadBalancers"][0]["LoadBalancerArn"]


def tcp_target_group(elb, vpc_id):
    # An existing group, as a team that owns its NLB would have it: the NLB sample binds it by ARN. ip targets,
    # because the quickstart's tasks run awsvpc on Fargate.
    name = f"{NAME}-tcp"
    try:
        return elb.describe_target_groups(Names=[name])["TargetGroups"][0]["TargetGroupArn"]
    except elb.exceptions.TargetGroupNotFoundException:
        pass
    created = elb.create_target_group(
        Name=name, Protocol="TCP", Port=80, VpcId=vpc_id, TargetType="ip", HealthCheckProtocol="TCP", Tags=TAGS)
    return created["TargetGroups"][0]["TargetGroupArn"]


def tcp_listener(elb, nlb_arn, group_arn):
    # The default action forwards to the group: that attaches it to the NLB, which ECS requires of a target group.
    for existing in elb.describe_listeners(LoadBalancerArn=nlb_arn)["Listeners"]:
        if existing["Port"] == 80:
            return existing["ListenerArn"]
    created = elb.create_listener(
        LoadBalancerArn=nlb_arn, Protocol="TCP", Port=80, DefaultActions=[{"Type": "forward", "TargetGroupArn": group_arn}])
    return created["Listeners"][0]["ListenerArn"]


def main():
    ec2, iam, efs, elb = client("ec2"), client("iam"), client("efs"), client("elbv2")
    vpc_id = vpc(ec2)
    subnet_a = subnet(ec2, vpc_id, "a", "10.42.1.0/24", f"{REGION}a")
    subnet_b = subnet(ec2, vpc_id, "b", "10.42.2.0/24", f"{REGION}b")
    group_id = security_group(ec2, vpc_id)
    execution_actions = [
        "ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer",
        "ecr:BatchGetImage", "logs:CreateLogStream", "logs:PutLogEvents"]
    task_actions = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"]
    fs_id = file_system(efs)
    mount_targets(efs, fs_id, [subnet_a, subnet_b], group_id)
    lb_arn = load_balancer(elb, [subnet_a, subnet_b], group_id)
    ids = {
        "AWS_REGION": REGION,
        "ACCOUNT_ID": client("sts").get_caller_identity()["Account"],
        "VPC_ID": vpc_id,
        "SUBNET_A": subnet_a,
        "SUBNET_B": subnet_b,
        "SECURITY_GROUP": group_id,
        "EXECUTION_ROLE_ARN": role(iam, f"{NAME}-task-execution", execution_actions),
        "TASK_ROLE_ARN": role(iam, f"{NAME}-task", task_actions),
        "EFS_ID": fs_id,
        "EFS_ACCESS_POINT_ID": access_point(efs, fs_id),
        "LOAD_BALANCER_ARN": lb_arn,
        "LISTENER_ARN": listener(elb, lb_arn),
    }
    nlb_arn = network_load_balancer(elb, [subnet_a, subnet_b])
    tcp_group = tcp_target_group(elb, vpc_id)
    ids.update({
        "NLB_ARN": nlb_arn,
        "NLB_LISTENER_ARN": tcp_listener(elb, nlb_arn, tcp_group),
        "TCP_TARGET_GROUP_ARN": tcp_group,
    })
    json.dump(ids, sys.stdout)


if __name__ == "__main__":
    main()
