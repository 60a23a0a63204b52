// The schema's own length attributes, not DataAnnotations' (see LengthAttributes.cs): an alias is found before a type
// that a file's `using System.ComponentModel.DataAnnotations;` imports.
global using MaxLengthAttribute = EcsOperator.Entities.Schema.MaxLengthAttribute;
global using MinLengthAttribute = EcsOperator.Entities.Schema.MinLengthAttribute;
