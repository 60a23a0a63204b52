namespace LocalKube.Registry;

/// <summary>A CRD additionalPrinterColumn.</summary>
public sealed record PrinterColumn(string Name, string Type, string JsonPath, string? Description, int Priority, string? Format);
