namespace LocalKube.StrategicMerge;

/// <summary>
/// The patchMergeKey / patchStrategy tags of the built-in types this project stores (k8s.io/api struct tags),
/// by field name. LocalKube keeps built-ins schemaless, so this table is where strategic merge learns which
/// lists merge by key; every other list is replaced, as an atomic list would be.
/// </summary>
internal static class MergeKeys
{
    private static readonly Dictionary<string, string> ByField = new(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["volumes"] = "name",
        ["env"] = "name",
        ["imagePullSecrets"] = "name",
        ["resourceClaims"] = "name",
        ["volumeMounts"] = "mountPath",
        ["volumeDevices"] = "devicePath",
        ["hostAliases"] = "ip",
        ["topologySpreadConstraints"] = "topologyKey",
        ["ownerReferences"] = "uid",
        ["conditions"] = "type",
    };

    /// <summary>Lists of scalars that merge as sets (patchStrategy:"merge" without a key).</summary>
    private static readonly HashSet<string> PrimitiveSets = new(StringComparer.Ordinal) { "finalizers" };

    /// <summary>The merge key of a list field, or null for a list that is replaced as a whole.</summary>
    /// <param name="field">The list's field name.</param>
    /// <param name="parentField">The field holding the object that holds the list ("containers" for a container's ports).</param>
    public static string? For(string field, string? parentField) => field switch
    {
        "ports" => parentField is "containers" or "initContainers" or "ephemeralContainers" ? "containerPort" : "port",
        _ => ByField.GetValueOrDefault(field),
    };

    public static bool IsPrimitiveSet(string field) => PrimitiveSets.Contains(field);
}
