using System.Text;
using System.Text.Json.Nodes;

namespace LocalKube.Server;

/// <summary>
/// Decodes the few protobuf request bodies clients send: kubectl's generators (<c>kubectl create namespace|configmap|
/// secret|serviceaccount</c>) post built-ins as <c>application/vnd.kubernetes.protobuf</c> and do not fall back to
/// JSON, and client-go's typed clients (helm's release Secrets) send the DeleteOptions of a DELETE that way. Only the
/// fields those clients set are read; anything else is answered with 415.
/// </summary>
public static class ProtobufBodies
{
    private static readonly byte[] Magic = "k8s\0"u8.ToArray();

    public static JsonObject Decode(byte[] body)
    {
        var (apiVersion, kind, raw) = Envelope(body);
        var obj = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        var decoder = kind switch
        {
            "ConfigMap" => (Action<JsonObject, int, Value>)ConfigMap,
            "Secret" => Secret,
            "Namespace" => Namespace,
            "ServiceAccount" => ServiceAccount,
            _ => throw Statuses.UnsupportedMediaType($"application/vnd.kubernetes.protobuf ({kind})", ["application/json", "application/yaml"]),
        };
        foreach (var (field, value) in Fields(raw ?? []))
        {
            if (field == 1)
            {
                obj["metadata"] = ObjectMeta(value.Bytes);
            }
            else
            {
                decoder(obj, field, value);
            }
        }

        return obj;
    }

    /// <summary>
    /// A DeleteOptions body (meta/v1 generated.proto): gracePeriodSeconds = 1, preconditions = 2 (uid = 1,
    /// resourceVersion = 2), orphanDependents = 3, propagationPolicy = 4, dryRun = 5.
    /// </summary>
    public static JsonObject DecodeDeleteOptions(byte[] body)
    {
        var (apiVersion, kind, raw) = Envelope(body);
        if (kind != "DeleteOptions")
        {
            throw Statuses.BadRequest($"invalid DeleteOptions: the protobuf body holds a {kind}");
        }

        var options = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        foreach (var (field, value) in Fields(raw ?? []))
        {
            switch (field)
            {
                case 1: options["gracePeriodSeconds"] = (long)value.Number; break;
                case 2: options["preconditions"] = Preconditions(value.Bytes); break;
                case 3: options["orphanDependents"] = value.Number != 0; break;
                case 4: options["propagationPolicy"] = value.Text; break;
                case 5: (options["dryRun"] ??= new JsonArray()).AsArray().Add(value.Text); break;
            }
        }

        return options;
    }

    private static (string? ApiVersion, string? Kind, byte[]? Raw) Envelope(byte[] body)
    {
        if (body.Length < 4 || !body.AsSpan(0, 4).SequenceEqual(Magic))
        {
            throw Statuses.BadRequest("the protobuf body does not start with the k8s envelope");
        }

        string? apiVersion = null, kind = null;
        byte[]? raw = null;
        foreach (var (field, value) in Fields(body.AsMemory(4)))
        {
            if (field == 1)
            {
                foreach (var (f, v) in Fields(value.Bytes))
                {
                    apiVersion = f == 1 ? v.Text : apiVersion;
                    kind = f == 2 ? v.Text : kind;
                }
            }
            else if (field == 2)
            {
                raw = value.Bytes.ToArray();
            }
        }

        return (apiVersion, kind, raw);
    }

    private static JsonObject Preconditions(ReadOnlyMemory<byte> bytes)
    {
        var preconditions = new JsonObject();
        foreach (var (field, value) in Fields(bytes))
        {
            switch (field)
            {
                case 1: preconditions["uid"] = value.Text; break;
                case 2: preconditions["resourceVersion"] = value.Text; break;
            }
        }

        return preconditions;
    }

    private static void ConfigMap(JsonObject obj, int field, Value value)
    {
        switch (field)
        {
            case 2: AddEntry(obj, "data", value, binary: false); break;
            case 3: AddEntry(obj, "binaryData", value, binary: true); break;
            case 4: obj["immutable"] = value.Number != 0; break;
        }
    }

    private static void Secret(JsonObject obj, int field, Value value)
    {
        switch (field)
        {
            case 2: AddEntry(obj, "data", value, binary: true); break;
            case 3: obj["type"] = value.Text; break;
            case 4: AddEntry(obj, "stringData", value, binary: false); break;
            case 5: obj["immutable"] = value.Number != 0; break;
        }
    }

    private static void Namespace(JsonObject obj, int field, Value value)
    {
        if (field == 2)
        {
            var finalizers = new JsonArray();
            foreach (var (f, v) in Fields(value.Bytes).Where(p => p.Field == 1))
            {
                finalizers.Add(v.Text);
            }

            obj["spec"] = new JsonObject { ["finalizers"] = finalizers };
        }
    }

    private static void ServiceAccount(JsonObject obj, int field, Value value)
    {
        if (field == 4)
        {
            obj["automountServiceAccountToken"] = value.Number != 0;
        }
    }

    private static JsonObject ObjectMeta(ReadOnlyMemory<byte> bytes)
    {
        var meta = new JsonObject();
        foreach (var (field, value) in Fields(bytes))
        {
            switch (field)
            {
                case 1 or 2 or 3 when value.Bytes.Length == 0: break;
                case 1: meta["name"] = value.Text; break;
                case 2: meta["generateName"] = value.Text; break;
                case 3: meta["namespace"] = value.Text; break;
                case 11: AddEntry(meta, "labels", value, binary: false); break;
                case 12: AddEntry(meta, "annotations", value, binary: false); break;
                case 14: (meta["finalizers"] ??= new JsonArray()).AsArray().Add(value.Text); break;
            }
        }

        return meta;
    }

    private static void AddEntry(JsonObject target, string property, Value entry, bool binary)
    {
        string key = string.Empty, text = string.Empty;
        foreach (var (field, value) in Fields(entry.Bytes))
        {
            key = field == 1 ? value.Text : key;
            text = field == 2 ? (binary ? Convert.ToBase64String(value.Bytes.Span) : value.Text) : text;
        }

        var map = target[property] as JsonObject ?? new JsonObject();
        map[key] = text;
        target[property] = map;
    }

    private static List<(int Field, Value Value)> Fields(ReadOnlyMemory<byte> bytes)
    {
        var result = new List<(int, Value)>();
        var span = bytes.Span;
        var at = 0;
        while (at < span.Length)
        {
            var tag = Varint(span, ref at);
            var wire = (int)(tag & 7);
            switch (wire)
            {
                case 0:
                    result.Add(((int)(tag >> 3), new Value(default, Varint(span, ref at))));
                    break;
                case 2:
                    var length = (int)Varint(span, ref at);
                    result.Add(((int)(tag >> 3), new Value(bytes.Slice(at, length), 0)));
                    at += length;
                    break;
                case 1: at += 8; break;
                case 5: at += 4; break;
                default: throw Statuses.BadRequest($"unsupported protobuf wire type {wire}");
            }
        }

        return result;
    }

    private static ulong Varint(ReadOnlySpan<byte> span, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; at < span.Length; shift += 7)
        {
            var b = span[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        return value;
    }

    private readonly record struct Value(ReadOnlyMemory<byte> Bytes, ulong Number)
    {
        public string Text => Encoding.UTF8.GetString(Bytes.Span);
    }
}
