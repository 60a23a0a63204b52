using EcsOperator.Entities.Schema;

namespace EcsOperator.Entities;

/// <summary>The protocol a target group or its health check speaks.</summary>
[AwsEnum("elbv2", "ProtocolEnum")]
public static class TargetGroupProtocol
{
    public const string Http = "HTTP";
    public const string Https = "HTTPS";
    public const string Tcp = "TCP";
    public const string Tls = "TLS";
    public const string Udp = "UDP";
    public const string TcpUdp = "TCP_UDP";
    public const string Geneve = "GENEVE";
    public const string Quic = "QUIC";
    public const string TcpQuic = "TCP_QUIC";
}

/// <summary>What a target group routes to; ECS services use ip (awsvpc) or instance.</summary>
[AwsEnum("elbv2", "TargetTypeEnum")]
public static class TargetType
{
    public const string Instance = "instance";
    public const string Ip = "ip";
    public const string Lambda = "lambda";
    public const string Alb = "alb";
}

/// <summary>The IP version of a target group.</summary>
[AwsEnum("elbv2", "TargetGroupIpAddressTypeEnum")]
public static class TargetGroupIpAddressType
{
    public const string Ipv4 = "ipv4";
    public const string Ipv6 = "ipv6";
}

/// <summary>How a target group keeps a client on one target (the stickiness.type attribute).</summary>
public static class StickinessType
{
    public const string LbCookie = "lb_cookie";
    public const string AppCookie = "app_cookie";
    public const string SourceIp = "source_ip";
    public const string SourceIpDestIp = "source_ip_dest_ip";
    public const string SourceIpDestIpProto = "source_ip_dest_ip_proto";
}
