using EcsOperator.Entities;
using Xunit;

namespace EcsOperator.ReliabilityTests.Harness;

public sealed class OperatorLogTailTests
{
    private const string Line = """{"EventId":2010,"LogLevel":"Information","Category":"c","Message":"AWS error, retrying with backoff (AwsError): ServiceUnavailable","Exception":"Boom: injected\n   at X.Y()","Scopes":[{"Message":"m","Kind":"LoadBalancerBinding","Object":"ns1/b0","Generation":2}]}""";

    [Fact]
    public void Quotes_the_last_lines_logged_in_each_waited_for_objects_scope()
    {
        var b0 = new V1alpha1LoadBalancerBinding { Metadata = new() { Name = "b0", NamespaceProperty = "ns1" } };
        var other = Line.Replace("ns1/b0", "ns1/b1", StringComparison.Ordinal);
        string[] log = ["plain text line", other, .. Enumerable.Repeat(Line, 20)];

        var tail = OperatorLogTail.For([b0], () => log);

        Assert.Contains("12 log lines about LoadBalancerBinding/b0", tail, StringComparison.Ordinal);
        Assert.Equal(12, tail.Split("Information: AWS error, retrying with backoff (AwsError): ServiceUnavailable | Boom: injected").Length - 1);
        Assert.DoesNotContain("X.Y()", tail, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_log_source_adds_nothing() =>
        Assert.Equal("", OperatorLogTail.For([new V1alpha1Cluster { Metadata = new() { Name = "c" } }], null));
}
