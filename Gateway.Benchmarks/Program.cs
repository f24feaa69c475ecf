using BenchmarkDotNet.Running;

namespace Buddy.Benchmarks;

public static class BenchmarksMain
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarksMain).Assembly).Run(args);
}
