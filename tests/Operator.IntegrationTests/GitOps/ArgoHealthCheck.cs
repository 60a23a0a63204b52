using System.Reflection;
using System.Text.Json.Nodes;
using EcsOperator.Entities;
using EcsOperator.Testing;
using k8s.Models;
using LocalKube.Serialization;

namespace EcsOperator.IntegrationTests.GitOps;

/// <summary>The outcome of an Argo CD health script: status (Healthy, Progressing, Degraded, Suspended...) and message.</summary>
public sealed record ArgoHealth(string Status, string Message);

/// <summary>
/// deploy/gitops/argocd/health-check.yaml, read as Argo CD reads it (the argocd-cm keys, YAML aliases resolved), and
/// its Lua run in a real lua5.1. Argo CD hands the script the object as the global <c>obj</c> (JSON nulls become nil)
/// and reads back the table it returns; the harness does the same, in an environment holding only the base, string,
/// table and math functions that Argo CD's sandbox offers, so that a script using anything else fails here too.
/// </summary>
public sealed class ArgoHealthCheck
{
    public const string KeyPrefix = "resource.customizations.health.";

    private const string Harness = """
        local cjson = require("cjson")
        local function strip(value)
          if value == cjson.null then return nil end
          if type(value) == "table" then
            for k, v in pairs(value) do value[k] = strip(v) end
          end
          return value
        end
        local file = assert(io.open(arg[1], "r"))
        local script = assert(loadstring(file:read("*a"), "health.lua"))
        file:close()
        local sandbox = {
          obj = strip(cjson.decode(io.read("*a"))),
          ipairs = ipairs, pairs = pairs, next = next, type = type, tostring = tostring, tonumber = tonumber,
          error = error, pcall = pcall, select = select, unpack = unpack,
          string = string, table = table, math = math,
        }
        setfenv(script, sandbox)
        local hs = script()
        io.write(cjson.encode({ status = hs.status, message = hs.message }))
        """;

    private ArgoHealthCheck(IReadOnlyDictionary<string, string> scripts) => Scripts = scripts;

    public static string File => RepositoryRoot.Combine("deploy", "gitops", "argocd", "health-check.yaml");

    /// <summary>argocd-cm data: every resource.customizations.health key and its Lua.</summary>
    public IReadOnlyDictionary<string, string> Scripts { get; }

    public static ArgoHealthCheck Load()
    {
        var configMap = YamlJson.ParseDocuments(System.IO.File.ReadAllText(File)).Single();
        var data = configMap["data"]!.AsObject();
        return new ArgoHealthCheck(data
            .Where(entry => entry.Key.StartsWith(KeyPrefix, StringComparison.Ordinal))
            .ToDictionary(entry => entry.Key, entry => entry.Value!.GetValue<string>()));
    }

    /// <summary>The argocd-cm key Argo CD looks up for a kind: resource.customizations.health.&lt;group&gt;_&lt;Kind&gt;.</summary>
    public static string KeyFor(Type entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        var entity = entityType.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new InvalidOperationException($"{entityType.Name} has no [KubernetesEntity]");
        return $"{KeyPrefix}{entity.Group}_{entity.Kind}";
    }

    /// <summary>Runs the kind's script on <paramref name="obj"/> in lua5.1.</summary>
    public async Task<ArgoHealth> EvaluateAsync(Type entityType, JsonObject obj, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var interpreter = await DebianTools.RequireLuaWithCjsonAsync(cancellationToken);
        var directory = Directory.CreateTempSubdirectory("argo-health-");
        try
        {
            var harness = Path.Combine(directory.FullName, "harness.lua");
            var script = Path.Combine(directory.FullName, "health.lua");
            await System.IO.File.WriteAllTextAsync(harness, Harness, cancellationToken);
            var lua = Scripts.TryGetValue(KeyFor(entityType), out var found)
                ? found
                : throw new InvalidOperationException($"{File} has no key {KeyFor(entityType)}");
            await System.IO.File.WriteAllTextAsync(script, lua, cancellationToken);
            var run = await ProcessRunner.RunAsync(interpreter, [harness, script], stdin: obj.ToJsonString(), cancellationToken: cancellationToken);
            if (run.ExitCode != 0)
            {
                throw new InvalidOperationException($"the health script failed on {obj.ToJsonString()}: {run}");
            }

            var result = JsonNode.Parse(run.StdOut)!.AsObject();
            return new ArgoHealth(result["status"]?.GetValue<string>() ?? "", result["message"]?.GetValue<string>() ?? "");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
