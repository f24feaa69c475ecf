using BenchmarkDotNet.Running;

// dotnet run -c Release --project Gateway.Benchmarks -- --filter '*Parser*'
BenchmarkSwitcher.FromAssembly(typeof(Buddy.Benchmarks.ReplyParserBenchmarks).Assembly).Run(args);
