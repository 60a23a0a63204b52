namespace EcsOperator.Aws.Core;

/// <summary>One API operation: its wire name (also the metric label) and the budget family it draws from.</summary>
public readonly record struct AwsOperation(string Name, AwsApiFamily Family);
