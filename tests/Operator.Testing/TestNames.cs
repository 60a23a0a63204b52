using System.Security.Cryptography;

namespace EcsOperator.Testing;

/// <summary>Unique, DNS-1123 and AWS-safe names, so that parallel tests never share a namespace or an AWS name.</summary>
public static class TestNames
{
    /// <summary>For example <c>Unique("it")</c> → <c>it-3f9a1c</c>. Lowercase letters, digits and dashes only.</summary>
    public static string Unique(string prefix)
    {
        var suffix = Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();
        return $"{prefix}-{suffix}";
    }
}
