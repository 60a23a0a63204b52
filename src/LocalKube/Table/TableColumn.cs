namespace LocalKube.Table;

/// <summary>
/// One meta.k8s.io/v1 TableColumnDefinition plus where its cells come from: a JSONPath into the object, or
/// null for the Name column (metadata.name).
/// </summary>
public sealed record TableColumn(string Name, string Type, string Format, string Description, int Priority, string? JsonPath)
{
    public static TableColumn NameColumn { get; } = new(
        "Name", "string", "name", "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names", 0, null);

    public static TableColumn AgeColumn { get; } = new(
        "Age", "date", string.Empty, "CreationTimestamp is a timestamp representing the server time when this object was created.", 0, ".metadata.creationTimestamp");

    /// <summary>
    /// The columns the apiserver serves for a type: Name, then the CRD's additionalPrinterColumns, or Age when
    /// it declares none (built-ins here are schemaless, so they get Name and Age too, plus a few well-known columns).
    /// </summary>
    /// <summary>What kubectl get events shows (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE); the object is named without its kind.</summary>
    private static IReadOnlyList<TableColumn> EventColumns(string lastSeen, string objectName, string message) =>
    [
        new("Last Seen", "date", string.Empty, "When the event was last seen", 0, lastSeen),
        new("Type", "string", string.Empty, "Normal or Warning", 0, ".type"),
        new("Reason", "string", string.Empty, "Why the event happened", 0, ".reason"),
        new("Object", "string", string.Empty, "The object the event is about", 0, objectName),
        new("Message", "string", string.Empty, "What happened", 0, message),
        NameColumn with { Priority = 1 },
    ];

    public static IReadOnlyList<TableColumn> For(string group, string kind, IEnumerable<TableColumn> printerColumns)
    {
        var declared = printerColumns.ToList();
        if (declared.Count > 0)
        {
            return [NameColumn, .. declared];
        }

        return (group, kind) switch
        {
            ("", "Namespace") => [NameColumn, new("Status", "string", string.Empty, "The status of the namespace", 0, ".status.phase"), AgeColumn],
            ("coordination.k8s.io", "Lease") => [NameColumn, new("Holder", "string", string.Empty, "The holder of the lease", 0, ".spec.holderIdentity"), AgeColumn],
            ("apiextensions.k8s.io", "CustomResourceDefinition") => [NameColumn, new("Created At", "string", string.Empty, "The time the CRD was created", 0, ".metadata.creationTimestamp")],
            ("", "Event") => EventColumns(".lastTimestamp", ".involvedObject.name", ".message"),
            ("events.k8s.io", "Event") => EventColumns(".deprecatedLastTimestamp", ".regarding.name", ".note"),
            _ => [NameColumn, AgeColumn],
        };
    }
}
