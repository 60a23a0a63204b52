using EcsOperator.Hosting;

return await OperatorCommandLine.InvokeAsync(args);
