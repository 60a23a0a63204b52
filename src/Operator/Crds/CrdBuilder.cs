using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using EcsOperator.Entities;
using EcsOperator.Entities.Schema;
using EcsOperator.Runtime.Json;
using k8s.Models;

namespace EcsOperator.Crds;

/// <summary>Builds the apiextensions.k8s.io/v1 CustomResourceDefinition of one entity type.</summary>
[UnconditionalSuppressMessage("Trimming", "IL2070", Justification = AotJustification.EntitiesKeptWhole)]
internal sealed class CrdBuilder(XmlDocs docs)
{
    private const string ReadyColumnPath = ".status.conditions[?(@.type==\"Ready\")].status";

    public V1CustomResourceDefinition Build(Type entityType)
    {
        var entity = entityType.GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new ArgumentException($"{entityType.Name} has no [KubernetesEntity]", nameof(entityType));
        return new V1CustomResourceDefinition
        {
            ApiVersion = "apiextensions.k8s.io/v1",
            Kind = "CustomResourceDefinition",
            Metadata = new V1ObjectMeta { Name = $"{entity.PluralName}.{entity.Group}" },
            Spec = new V1CustomResourceDefinitionSpec
            {
                Group = entity.Group,
                Scope = "Namespaced",
                Names = new V1CustomResourceDefinitionNames
                {
                    Kind = entity.Kind,
                    ListKind = entity.Kind + "List",
                    Plural = entity.PluralName,
                    Singular = entity.Kind.ToLowerInvariant(),
                    ShortNames = entityType.GetCustomAttribute<ShortNamesAttribute>()?.Names.ToList(),
                    Categories = entityType.GetCustomAttribute<CategoriesAttribute>()?.Categories.ToList(),
                },
                Versions =
                [
                    new V1CustomResourceDefinitionVersion
                    {
                        Name = entity.ApiVersion,
                        Served = true,
                        Storage = true,
                        Schema = new V1CustomResourceValidation { OpenAPIV3Schema = RootSchema(entityType) },
                        Subresources = new V1CustomResourceSubresources { Status = new Dictionary<string, object>() },
                        AdditionalPrinterColumns = PrinterColumns(entityType),
                    },
                ],
            },
        };
    }

    private V1JSONSchemaProps RootSchema(Type entityType)
    {
        var schemas = new SchemaBuilder(docs);
        var spec = entityType.GetProperty(nameof(V1alpha1Cluster.Spec))!;
        var status = entityType.GetProperty(nameof(V1alpha1Cluster.Status))!;
        var specSchema = schemas.ForObject(spec.PropertyType, docs.Of(spec.PropertyType));

        // A spec whose fields are all optional may be left out (`metadata: {name: demo}` is a whole Cluster); one with a
        // required field or a rule over its fields may not, or an absent spec would skip those checks.
        var specRequired = specSchema.Required is { Count: > 0 } || specSchema.XKubernetesValidations is { Count: > 0 };
        return new V1JSONSchemaProps
        {
            Type = "object",
            Description = docs.Of(entityType),
            Properties = new Dictionary<string, V1JSONSchemaProps>(StringComparer.Ordinal)
            {
                ["apiVersion"] = new() { Type = "string", Description = "The API version: " + EntityGroup.ApiVersion + "." },
                ["kind"] = new() { Type = "string", Description = "The kind of object." },
                ["metadata"] = new() { Type = "object" },
                ["spec"] = specSchema,
                ["status"] = schemas.ForObject(status.PropertyType, docs.Of(status.PropertyType)),
            },
            Required = specRequired ? ["spec"] : null,
            XKubernetesValidations = SchemaBuilder.Rules(entityType.GetCustomAttributes<CelRuleAttribute>()),
        };
    }

    private static List<V1CustomResourceColumnDefinition> PrinterColumns(Type entityType)
    {
        var columns = new List<V1CustomResourceColumnDefinition>
        {
            new() { JsonPath = ReadyColumnPath, Name = "Ready", Type = "string", Description = "The Ready condition's status" },
        };
        columns.AddRange(entityType.GetCustomAttributes<PrinterColumnAttribute>()
            .OrderBy(column => column.Order)
            .Select(column => new V1CustomResourceColumnDefinition
            {
                JsonPath = column.JsonPath,
                Name = column.Name,
                Type = column.Type,
                Description = column.Description,
                Priority = column.Priority == 0 ? null : column.Priority,
            }));
        columns.Add(new V1CustomResourceColumnDefinition { JsonPath = ".metadata.creationTimestamp", Name = "Age", Type = "date" });
        return columns;
    }
}
