using LocalKube.Apply;
using LocalKube.Extensibility;
using LocalKube.OpenApi;
using LocalKube.Storage;
using LocalKube.StrategicMerge;
using LocalKube.Table;
using LocalKube.Validation;

namespace LocalKube;

/// <summary>
/// The API surface kubectl relies on beyond CRUD: CRD schema validation with defaults and pruning, managedFields,
/// server-side apply, strategic merge for built-ins, Table responses and OpenAPI v3. Installed by
/// <see cref="LocalKubeServer.StartAsync"/> ahead of any extensions the caller adds.
/// </summary>
public sealed class ApiSurface
{
    private ApiSurface(ResourceService service, TimeProvider time)
    {
        OpenApi = new OpenApiEndpoint(new OpenApiDocuments(() => service.Registry.All));
        Table = new TableRenderer(time);
        service.Validators.Add(new SchemaValidationHook());
        service.Validators.Add(new ManagedFieldsHook(time));
        service.Patches.Register(new StrategicMergePatchHandler());
        service.Patches.Register(new ApplyPatchHandler(time));
    }

    public IRequestHandler OpenApi { get; }

    public ITableRenderer Table { get; }

    public static ApiSurface Install(ResourceService service, TimeProvider time) => new(service, time);
}
