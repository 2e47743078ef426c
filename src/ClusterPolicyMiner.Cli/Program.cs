using ClusterPolicyMiner.Cli;

// The command tree lives in Commands/; exit codes: 0 all good, 1 some documents failed, 2 usage error.
// Standard input is opened only by a command that reads it (see ConsoleInput).
return await CpmApp.RunAsync(args, new ConsoleInput(), Console.Out, Console.Error);
