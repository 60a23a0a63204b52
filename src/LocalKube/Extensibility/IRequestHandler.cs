using Microsoft.AspNetCore.Http;

namespace LocalKube.Extensibility;

/// <summary>
/// Serves extra paths (for example <c>/openapi/v2</c> and <c>/openapi/v3/...</c>). Handlers run in order before the
/// API routes; the first that returns true has answered the request.
/// </summary>
public interface IRequestHandler
{
    Task<bool> TryHandleAsync(HttpContext context);
}
