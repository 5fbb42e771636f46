using CloudConfig.Tool;

return await CloudConfigCommandLine.RunAsync(args, ToolConsole.FromProcess()).ConfigureAwait(false);
