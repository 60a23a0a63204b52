using System.Runtime.CompilerServices;

namespace EcsOperator.Aws.Core;

/// <summary>
/// Follows a list operation's pages (nextToken / Marker) until the service says there are no more. A token that
/// comes back unchanged would loop forever, so it is a malformed response instead.
/// </summary>
public static class AwsPaging
{
    public static async IAsyncEnumerable<TItem> AllAsync<TResponse, TItem>(
        Func<string?, CancellationToken, Task<TResponse>> page,
        Func<TResponse, IEnumerable<TItem>?> items,
        Func<TResponse, string?> nextToken,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(nextToken);
        string? token = null;
        do
        {
            var response = await page(token, cancellationToken);
            foreach (var item in items(response) ?? [])
            {
                yield return item;
            }

            var next = nextToken(response);
            if (next is not null && next == token)
            {
                throw new AwsMalformedResponseException($"the service returned the same page token twice ({next}); stopping instead of looping", null, null, System.Net.HttpStatusCode.OK);
            }

            token = string.IsNullOrEmpty(next) ? null : next;
        }
        while (token is not null);
    }
}
