using System.Text;

namespace LocalKube;

/// <summary>The kubeconfig a server wrote: where it is and what it says.</summary>
public sealed record Kubeconfig(string Path, string Contents)
{
    public const string Name = "localkube";

    /// <summary>
    /// A kubeconfig with one cluster, context and user, all named "localkube". The token is not checked (no authn/authz);
    /// it is there because KubernetesClient refuses a user without credentials.
    /// </summary>
    public static string Render(Uri server, string? caPem)
    {
        var ca = caPem is null
            ? string.Empty
            : $"    certificate-authority-data: {Convert.ToBase64String(Encoding.UTF8.GetBytes(caPem))}\n";
        return $$"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {{Name}}
              cluster:
                server: {{server.ToString().TrimEnd('/')}}
            {{ca}}contexts:
            - name: {{Name}}
              context:
                cluster: {{Name}}
                user: {{Name}}
                namespace: default
            current-context: {{Name}}
            users:
            - name: {{Name}}
              user:
                token: localkube

            """;
    }
}
