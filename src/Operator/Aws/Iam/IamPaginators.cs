using EcsOperator.Aws.Core;
using EcsOperator.Aws.Iam.Model;

namespace EcsOperator.Aws.Iam;

/// <summary>Every item of IAM's paged lists (Marker, IsTruncated).</summary>
public static class IamPaginators
{
    public static IAsyncEnumerable<AttachedPolicy> ListAllAttachedRolePoliciesAsync(this IIamApi iam, ListAttachedRolePoliciesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(iam);
        ArgumentNullException.ThrowIfNull(request);
        return AwsPaging.AllAsync(
            (marker, ct) =>
            {
                request.Marker = marker;
                return iam.ListAttachedRolePoliciesAsync(request, ct);
            },
            r => r.AttachedPolicies,
            r => r.IsTruncated == true ? r.Marker : null,
            cancellationToken);
    }
}
