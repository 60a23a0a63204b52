using System.Text;
using LocalKube.Server;
using Xunit;

namespace LocalKube.Tests.Server;

/// <summary>client-go's protobuf DeleteOptions (helm's release Secrets), decoded field by field.</summary>
public sealed class ProtobufDeleteOptionsTests
{
    [Fact]
    public void Every_field_a_client_sets_is_read()
    {
        var preconditions = Concat(Text(1, "uid-1"), Text(2, "42"));
        var raw = Concat([0x08, 30], Bytes(2, preconditions), [0x18, 1], Text(4, "Foreground"), Text(5, "All"));

        var options = ProtobufBodies.DecodeDeleteOptions(Envelope("DeleteOptions", raw));

        Assert.Equal(30, options["gracePeriodSeconds"]!.GetValue<long>());
        Assert.Equal("uid-1", options["preconditions"]!["uid"]!.GetValue<string>());
        Assert.Equal("42", options["preconditions"]!["resourceVersion"]!.GetValue<string>());
        Assert.True(options["orphanDependents"]!.GetValue<bool>());
        Assert.Equal("Foreground", options["propagationPolicy"]!.GetValue<string>());
        Assert.Equal(["All"], options["dryRun"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public void A_body_of_another_kind_is_a_bad_request()
    {
        var error = Assert.Throws<ApiException>(() => ProtobufBodies.DecodeDeleteOptions(Envelope("ConfigMap", [])));

        Assert.Equal(400, error.Code);
        Assert.Contains("ConfigMap", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Envelope(string kind, byte[] raw) =>
        Concat("k8s\0"u8.ToArray(), Bytes(1, Concat(Text(1, "v1"), Text(2, kind))), Bytes(2, raw));

    private static byte[] Text(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    // Every length here is under 128, so the length is one varint byte.
    private static byte[] Bytes(int field, byte[] value) => Concat([(byte)((field << 3) | 2), (byte)value.Length], value);

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
