using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace LocalKube.Apply;

/// <summary>Deep-merges an applied configuration into an object: maps merge, scalars and (atomic) lists replace.</summary>
internal static class JsonMerge
{
    public static void Into(JsonObject target, JsonObject source)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack(); // a deep body is a 400 (ApiDispatcher), not a crash
        foreach (var (key, value) in source)
        {
            if (value is JsonObject sourceMap && target[key] is JsonObject targetMap)
            {
                Into(targetMap, sourceMap);
            }
            else if (value is null)
            {
                target.Remove(key);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }
}
