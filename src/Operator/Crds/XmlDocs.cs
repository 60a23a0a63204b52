using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace EcsOperator.Crds;

/// <summary>
/// The summaries of the entity types, read from the XML documentation file the compiler writes next to
/// the entities assembly. It is located from the assembly, never from the working directory.
/// </summary>
[UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "Assembly.Location is empty in a single-file or AOT binary; the XML file is then looked for in AppContext.BaseDirectory.")]
internal sealed partial class XmlDocs
{
    private readonly Dictionary<string, string> _summaries;

    private XmlDocs(Dictionary<string, string> summaries) => _summaries = summaries;

    public static XmlDocs For(Assembly assembly)
    {
        var path = Locate(assembly);
        var members = XDocument.Load(path).Descendants("member");
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            var name = member.Attribute("name")?.Value;
            var summary = member.Element("summary");
            if (name is not null && summary is not null)
            {
                summaries[name] = Flatten(summary);
            }
        }

        return new XmlDocs(summaries);
    }

    public string? Of(Type type) => _summaries.GetValueOrDefault("T:" + type.FullName);

    public string? Of(PropertyInfo property) =>
        _summaries.GetValueOrDefault($"P:{property.DeclaringType!.FullName}.{property.Name}");

    private static string Locate(Assembly assembly)
    {
        var fileName = assembly.GetName().Name + ".xml";
        var candidates = new[]
        {
            string.IsNullOrEmpty(assembly.Location) ? null : Path.Combine(Path.GetDirectoryName(assembly.Location)!, fileName),
            Path.Combine(AppContext.BaseDirectory, fileName),
        };
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException(
                $"{fileName} was not found next to {assembly.GetName().Name}.dll; the CRD descriptions come from it " +
                "(GenerateDocumentationFile must stay on for the Entities project).", fileName);
    }

    /// <summary>Turns a summary into one line of plain text: see-references become their simple names.</summary>
    private static string Flatten(XElement summary)
    {
        var text = new StringBuilder();
        foreach (var node in summary.Nodes())
        {
            text.Append(node switch
            {
                XText plain => plain.Value,
                XElement { Name.LocalName: "see" } see => SimpleName(see.Attribute("cref")?.Value ?? see.Attribute("langword")?.Value),
                XElement element => element.Value,
                _ => string.Empty,
            });
        }

        return Whitespace().Replace(text.ToString(), " ").Trim();
    }

    private static string SimpleName(string? cref)
    {
        if (cref is null)
        {
            return string.Empty;
        }

        var name = cref[(cref.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
