using ClusterPolicyMiner.Cli;

// The command tree lives in Commands/; exit codes: 0 all good, 1 some documents failed, 2 usage error.
return await CpmApp.RunAsync(args, Console.In, Console.Out, Console.Error);
