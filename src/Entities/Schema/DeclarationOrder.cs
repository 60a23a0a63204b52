using System.Reflection;

namespace EcsOperator.Entities.Schema;

/// <summary>Sorts a type's members as its source declares them, for the CRD's property order and the enum values' order.</summary>
public static class DeclarationOrder
{
    /// <summary>
    /// A member's place in its type: its metadata token. A native AOT build keeps no tokens, and already lists a type's
    /// members in declaration order; every member then gets the same key, and a stable sort keeps that order.
    /// </summary>
    public static int Of(MemberInfo member)
    {
        ArgumentNullException.ThrowIfNull(member);
        try
        {
            return member.MetadataToken;
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }
}
