using System.Collections;

namespace EcsOperator.Controllers.Shared;

/// <summary>
/// The operator's bound on free-form JSON fields (x-kubernetes-preserve-unknown-fields, such as a lifecycle hook's
/// hookDetails). The API server stores them nested up to 10,000 levels and ECS documents no limit, but nothing a
/// hook needs nests that deep, and every later step (the spec-vs-AWS diff, the request to ECS) is simpler and
/// safer with a small bound. Deeper values get Stalled/InvalidSpec naming the field.
/// </summary>
public static class FreeFormJson
{
    /// <summary>Levels of objects and lists, the field's own object being the first.</summary>
    public const int MaxDepth = 32;

    public static IEnumerable<FieldError> CheckDepth(string field, object? value)
    {
        if (DepthExceeds(value, MaxDepth))
        {
            yield return new FieldError(field,
                $"nests deeper than {MaxDepth} levels of objects and lists, the operator's limit for free-form JSON (ECS documents none)");
        }
    }

    /// <summary>Walks with an explicit stack and stops past the limit: the value may nest thousands of levels deep.</summary>
    private static bool DepthExceeds(object? value, int limit)
    {
        var pending = new Stack<(object? Value, int Depth)>();
        pending.Push((value, 1));
        while (pending.TryPop(out var next))
        {
            IEnumerable? children = next.Value switch
            {
                IDictionary map => map.Values,
                IDictionary<string, object> map => map.Values,
                string => null,
                IEnumerable items => items,
                _ => null,
            };
            if (children is null)
            {
                continue;
            }

            if (next.Depth > limit)
            {
                return true;
            }

            foreach (var child in children)
            {
                pending.Push((child, next.Depth + 1));
            }
        }

        return false;
    }
}
