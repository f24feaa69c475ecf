using BenchmarkDotNet.Running;
using Buddy.Benchmarks.Load;

namespace Buddy.Benchmarks;

/// <summary>
/// BenchmarkDotNet suites (<c>--filter '*Parser*'</c>, ...) and the load commands (<c>inbound-load</c>,
/// <c>dispatch-load</c>); see BENCHMARKS.md for each command and what it measures.
/// </summary>
public static class BenchmarksMain
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            switch (args.FirstOrDefault())
            {
                case InboundLoad.Verb:
                    return await InboundLoad.RunAsync(LoadOptions.Parse(args[1..]));
                case DispatchLoad.Verb:
                    return await DispatchLoad.RunAsync(LoadOptions.Parse(args[1..]));
                case Sms.InboundProfile.Verb:
                    return await Sms.InboundProfile.RunAsync(LoadOptions.Parse(args[1..]));
                case EmptyEndpoint.Verb:
                    return await EmptyEndpoint.RunAsync();
                default:
                    BenchmarkSwitcher.FromAssembly(typeof(BenchmarksMain).Assembly).Run(args);
                    return 0;
            }
        }
        catch (ArgumentException problem)
        {
            await Console.Error.WriteLineAsync(problem.Message);
            return 2;
        }
    }
}
