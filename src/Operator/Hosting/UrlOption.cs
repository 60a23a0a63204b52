using System.CommandLine;
using System.CommandLine.Parsing;

namespace EcsOperator.Hosting;

/// <summary>A flag that takes an absolute http(s) URL. System.CommandLine 2.0 has no Uri parser of its own.</summary>
public static class UrlOption
{
    public static Option<Uri?> Create(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => Parse(result, name),
    };

    private static Uri? Parse(ArgumentResult result, string name)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        result.AddError($"{name}: '{text}' is not an http(s) URL such as http://127.0.0.1:5000");
        return null;
    }
}
