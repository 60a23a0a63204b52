using System.Diagnostics.CodeAnalysis;
using k8s.Exceptions;
using k8s.KubeConfigModels;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace EcsOperator.Runtime.Client;

/// <summary>
/// Reads a kubeconfig file into KubernetesClient's own model with a YAML deserializer that knows only that model.
/// KubernetesClient's loader (<c>BuildConfigFromConfigFile</c>) goes through <c>KubernetesYaml</c>, whose static
/// constructor reflects over every type of the library to build its YAML mappings: about 300 ms of CPU at every start,
/// a fifth of the operator's start-up CPU (docs/performance.md, startup). The model's properties carry their YAML
/// names, so a plain deserializer reads them. In a pod no kubeconfig is read at all.
/// </summary>
internal static class KubeconfigFile
{
    private static readonly IDeserializer Deserializer = Build();

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "KubernetesClient's kubeconfig model is reference types and lists of them: YamlDotNet's reflection creates and fills them without generated code. The native AOT build roots the model (Aot/TrimmerRoots.xml); the image tests and the harness's --aot runs read their kubeconfig through here.")]
    private static IDeserializer Build() => new DeserializerBuilder().IgnoreUnmatchedProperties().Build();

    /// <exception cref="KubeConfigException">The file is not a kubeconfig.</exception>
    public static K8SConfiguration Load(string path)
    {
        K8SConfiguration? config;
        try
        {
            config = Deserializer.Deserialize<K8SConfiguration?>(File.ReadAllText(path));
        }
        catch (YamlException ex)
        {
            throw new KubeConfigException($"not valid YAML at line {ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }

        if (config is null)
        {
            throw new KubeConfigException("the file is empty");
        }

        // Relative certificate and key paths are resolved against the file's folder, as kubectl does.
        config.FileName = Path.GetFullPath(path);
        return config;
    }
}
