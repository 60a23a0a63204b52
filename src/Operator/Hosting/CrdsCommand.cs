using System.CommandLine;
using System.Runtime.CompilerServices;
using EcsOperator.Crds;

namespace EcsOperator.Hosting;

/// <summary>`ecs-operator crds --output DIR`: writes the CRD YAML generated from the entity types.</summary>
public static class CrdsCommand
{
    public static Command Build()
    {
        var output = new Option<DirectoryInfo>("--output", "-o")
        {
            Description = "Folder to write into (config/crds; the chart's crds/ with --chart)",
            Required = true,
        };
        var chart = new Option<bool>("--chart") { Description = "Write the CRDs only, without kustomization.yaml (for a Helm chart's crds/ folder)" };
        var apiReference = new Option<FileInfo?>("--api-reference")
        {
            Description = "Also write the generated API reference (docs/api.md) to this file",
        };
        var role = new Option<FileInfo?>("--role")
        {
            Description = "Also write the operator's ClusterRole (config/rbac/role.yaml), derived from the same kinds, to this file",
        };
        var command = new Command("crds", "Write the CustomResourceDefinitions generated from the C# types.") { output, chart, apiReference, role };
        command.SetAction(parse =>
        {
            if (!RuntimeFeature.IsDynamicCodeSupported)
            {
                // The native AOT build (the image): KubernetesClient's YAML writer sorts members by metadata token,
                // which such a build does not keep. The files are generated in the source tree, and committed.
                Console.Error.WriteLine("crds: this native build cannot write YAML; run it from the source tree: dotnet run --project src/Operator -- crds ...");
                return 2;
            }

            var written = CrdWriter.WriteAll(parse.GetRequiredValue(output).FullName, includeKustomization: !parse.GetValue(chart));
            foreach (var path in written)
            {
                Console.WriteLine(path);
            }

            if (parse.GetValue(apiReference) is { } reference)
            {
                Console.WriteLine(ApiReferenceWriter.Write(reference.FullName));
            }

            if (parse.GetValue(role) is { } rolePath)
            {
                Console.WriteLine(ClusterRoleWriter.Write(rolePath.FullName));
            }

            return 0;
        });
        return command;
    }
}
