using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LocalKube.Serialization;

/// <summary>
/// A YAML parser that refuses nesting deeper than <see cref="JsonLimits.MaxDepth"/>, as go-yaml does, before
/// YamlDotNet's recursive node builder (and our converter) could run out of stack on a hostile document.
/// </summary>
internal sealed class DepthLimitedParser(IParser inner) : IParser
{
    private int _depth;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case MappingStart or SequenceStart when ++_depth > JsonLimits.MaxDepth:
                throw new YamlException(inner.Current.Start, inner.Current.End, $"{JsonLimits.DepthExceeded} of {JsonLimits.MaxDepth}");
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
        }

        return true;
    }
}
