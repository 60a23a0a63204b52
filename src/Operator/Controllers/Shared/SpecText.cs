using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using EcsOperator.Crds;
using EcsOperator.Entities;
using EcsOperator.Entities.Schema;

namespace EcsOperator.Controllers.Shared;

/// <summary>
/// The string checks every kind shares, found by reflection over the spec so that a field added to an entity is
/// covered without new code: an enum field holds one of its values (the CRD's enum again, for servers that skip it);
/// a tags map follows <see cref="TagValidator"/> wherever it sits; awslogs options follow <see cref="AwsLogsOptions"/>;
/// and any other string, which AWS constrains (names, ARNs, ids, paths, hosts), holds no control or invisible
/// formatting character. Those are never part of a valid name, and a right-to-left override in a path or a header
/// shows one text and means another. Fields marked <see cref="FreeTextAttribute"/> reach AWS untouched.
/// </summary>
public static class SpecText
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>Adds the problems of <paramref name="spec"/> whose field has no error yet (the kind's own checks say it better).</summary>
    public static void AddTo(List<FieldError> errors, object spec)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var named = errors.Select(error => error.Field).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(Check(spec, "spec").Where(error => named.Add(error.Field)));
    }

    public static IEnumerable<FieldError> Check(object spec, string path)
    {
        ArgumentNullException.ThrowIfNull(spec);
        foreach (var property in Properties.GetOrAdd(spec.GetType(), type => [.. SchemaBuilder.SerializedProperties(type)]))
        {
            if (property.GetValue(spec) is { } value)
            {
                foreach (var error in Member(property, value, $"{path}.{SchemaBuilder.JsonName(property)}"))
                {
                    yield return error;
                }
            }
        }

        if (spec is LogConfiguration log)
        {
            foreach (var error in AwsLogsOptions.Check(log.Options, $"{path}.options"))
            {
                yield return error;
            }
        }
    }

    /// <summary>True when <paramref name="value"/> has a control, format (bidi, zero-width) or separator character, or a broken surrogate.</summary>
    public static bool HasInvisibleCharacters(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        for (var i = 0; i < value.Length;)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(i), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return true;
            }

            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return true;
            }

            i += consumed;
        }

        return false;
    }

    private static IEnumerable<FieldError> Member(PropertyInfo property, object value, string path)
    {
        var free = property.GetCustomAttribute<FreeTextAttribute>();
        return value switch
        {
            string text => Text(property, free, text, path),
            IDictionary<string, string> tags when property.GetCustomAttribute<TagMapAttribute>() is { } tagMap =>
                TagValidator.Validate(tags, path, tagMap.OperatorTags),
            IDictionary<string, string> map => map.SelectMany(pair => Key(free, pair.Key, path)
                .Concat(Text(property, free, pair.Value, $"{path}[{AwsFormats.Quote(pair.Key)}]"))),
            IDictionary<string, object> document => document.Keys.SelectMany(key => Key(free, key, path)),
            IList list => list.Cast<object?>().SelectMany((item, i) => item is null ? Enumerable.Empty<FieldError>() : Item(property, free, item, $"{path}[{i}]")),
            _ when value.GetType().Namespace == typeof(LogConfiguration).Namespace => Check(value, path),
            _ => [],
        };
    }

    private static IEnumerable<FieldError> Item(PropertyInfo property, FreeTextAttribute? free, object item, string path) =>
        item is string text ? Text(property, free, text, path) : Check(item, path);

    private static IEnumerable<FieldError> Key(FreeTextAttribute? free, string key, string path)
    {
        if (free is not { Keys: true } && HasInvisibleCharacters(key))
        {
            yield return new FieldError($"{path}[{AwsFormats.Quote(key)}]", "the key has control or invisible formatting characters, which AWS refuses here");
        }
    }

    private static IEnumerable<FieldError> Text(PropertyInfo property, FreeTextAttribute? free, string text, string path)
    {
        if (property.GetCustomAttribute<EnumValuesAttribute>() is { } allowed)
        {
            var values = EnumValuesAttribute.ValuesOf(allowed.ValuesType);
            if (!values.Contains(text, StringComparer.Ordinal))
            {
                yield return new FieldError(path, $"{AwsFormats.Quote(text)} is not one of {string.Join(", ", values)}");
            }
        }
        else if (free is null && HasInvisibleCharacters(text))
        {
            yield return new FieldError(path, $"{AwsFormats.Quote(text)} has control or invisible formatting characters, which AWS refuses in this field");
        }
    }
}
