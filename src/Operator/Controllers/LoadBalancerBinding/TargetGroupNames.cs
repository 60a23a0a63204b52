using System.Security.Cryptography;
using System.Text;
using EcsOperator.Entities;

namespace EcsOperator.Controllers.LoadBalancerBinding;

/// <summary>
/// The name of an owned target group: spec.targetGroup.name, or a deterministic name within ELB's 32 characters made
/// of a readable prefix (namespace-name) and a hash of the owner and of the fields ELBv2 cannot modify. Changing one
/// of those fields therefore yields a new name, and the binding replaces the group rather than breaking it, as the
/// AWS Load Balancer Controller does.
/// </summary>
public static class TargetGroupNames
{
    public const int MaxLength = 32;

    private const int HashLength = 10;

    public static string For(string @namespace, string name, string clusterId, TargetGroupSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!string.IsNullOrEmpty(spec.Name))
        {
            return spec.Name;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Identity(@namespace, name, clusterId, spec)))))[..HashLength];
        var prefix = Readable($"{@namespace}-{name}", MaxLength - HashLength - 1);
        return prefix.Length == 0 ? hash : $"{prefix}-{hash}";
    }

    /// <summary>The fields ELBv2 cannot change on an existing target group (ModifyTargetGroup covers only health checks).</summary>
    public static IEnumerable<(string Path, string? Value)> ImmutableFields(TargetGroupSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        yield return ("spec.targetGroup.protocol", spec.Protocol);
        yield return ("spec.targetGroup.port", spec.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("spec.targetGroup.vpcId", spec.VpcId);
        yield return ("spec.targetGroup.targetType", spec.TargetType ?? TargetType.Instance);
        yield return ("spec.targetGroup.protocolVersion", ProtocolVersionOf(spec));
        yield return ("spec.targetGroup.ipAddressType", spec.IpAddressType ?? TargetGroupIpAddressType.Ipv4);
    }

    /// <summary>ELB's default protocol version: HTTP1 for HTTP and HTTPS groups, none for the others.</summary>
    public static string? ProtocolVersionOf(TargetGroupSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.ProtocolVersion ?? (spec.Protocol is TargetGroupProtocol.Http or TargetGroupProtocol.Https ? "HTTP1" : null);
    }

    private static IEnumerable<string> Identity(string @namespace, string name, string clusterId, TargetGroupSpec spec) =>
        new[] { @namespace, name, clusterId }.Concat(ImmutableFields(spec).Select(field => $"{field.Path}={field.Value}"));

    /// <summary>Letters, digits and single hyphens, no hyphen at either end: what ELB accepts in a name.</summary>
    private static string Readable(string text, int maxLength)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            var next = char.IsAsciiLetterOrDigit(c) ? c : '-';
            if (next == '-' && (builder.Length == 0 || builder[^1] == '-'))
            {
                continue;
            }

            builder.Append(next);
        }

        var readable = builder.ToString();
        return readable[..Math.Min(readable.Length, maxLength)].Trim('-');
    }
}
