using System.Collections;
using System.Globalization;
using k8s;
using k8s.Models;

namespace EcsOperator.Runtime.Controller;

/// <summary>
/// The logging scope the runtime opens around each reconcile (as KubeOps's EntityLoggingScope does): every line
/// logged meanwhile, by Controllers and Aws too, says which object it is about. Structured, so that the JSON console
/// writes the fields Kind, Object ("namespace/name") and Generation.
/// </summary>
public sealed class ReconcileLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _fields;

    private ReconcileLogScope(string kind, string key, long? generation)
    {
        Kind = kind;
        Object = key;
        Generation = generation;
        _fields = [new("Kind", kind), new("Object", key), new("Generation", generation)];
    }

    public string Kind { get; }

    public string Object { get; }

    public long? Generation { get; }

    public int Count => _fields.Length;

    public KeyValuePair<string, object?> this[int index] => _fields[index];

    public static ReconcileLogScope For(IKubernetesObject<V1ObjectMeta> obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var key = string.IsNullOrEmpty(obj.Metadata.NamespaceProperty) ? obj.Metadata.Name : $"{obj.Metadata.NamespaceProperty}/{obj.Metadata.Name}";
        return new ReconcileLogScope(obj.Kind, key, obj.Metadata.Generation);
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Kind} {Object} (generation {Generation})");
}
