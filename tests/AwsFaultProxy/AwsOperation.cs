namespace AwsFaultProxy;

/// <summary>The wire protocol of an AWS call; it decides the shape of an injected error.</summary>
public enum AwsProtocol
{
    /// <summary>Not recognised; errors are written as restJson.</summary>
    Unknown,

    /// <summary>awsJson1_0 / awsJson1_1: POST with <c>X-Amz-Target</c> (ECS).</summary>
    AwsJson,

    /// <summary>awsQuery: form-encoded <c>Action</c> and <c>Version</c>, XML out (ELBv2, IAM, STS).</summary>
    AwsQuery,

    /// <summary>restJson1: the operation is in the method and path (EFS).</summary>
    RestJson,
}

/// <summary>
/// One identified AWS call. <see cref="Service"/> is the SigV4 signing name (the credential scope's
/// service: <c>ecs</c>, <c>elasticloadbalancing</c>, <c>iam</c>, <c>elasticfilesystem</c>, <c>sts</c>).
/// </summary>
public sealed record AwsOperation(string Service, string Operation, AwsProtocol Protocol, string? ApiVersion = null)
{
    public override string ToString() => $"{Service}/{Operation}";
}

/// <summary>Service names as they appear in stats, and the aliases rules may use for them.</summary>
public static class AwsServices
{
    public const string Ecs = "ecs";
    public const string Elbv2 = "elasticloadbalancing";
    public const string Iam = "iam";
    public const string Efs = "elasticfilesystem";
    public const string Sts = "sts";

    /// <summary>Maps friendly aliases (<c>elbv2</c>, <c>efs</c>) to signing names; anything else is returned lower-cased.</summary>
    public static string Normalize(string name) => name.ToLowerInvariant() switch
    {
        "elbv2" or "elb" => Elbv2,
        "efs" => Efs,
        var other => other,
    };
}
