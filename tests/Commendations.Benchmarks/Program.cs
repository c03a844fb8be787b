using BenchmarkDotNet.Running;
using Commendations.Benchmarks;

// Usage: dotnet run -c Release --project tests/Commendations.Benchmarks -- <suite> [BenchmarkDotNet args]
// Suites: engine. Add a suite by adding an entry here.
var suites = new Dictionary<string, Type[]>(StringComparer.OrdinalIgnoreCase)
{
    ["engine"] = [typeof(EngineBenchmarks)],
};

if (args.Length == 0 || !suites.TryGetValue(args[0], out var types))
{
    Console.Error.WriteLine($"Usage: <suite> [BenchmarkDotNet arguments]; suites: {string.Join(", ", suites.Keys)}");
    return 1;
}

BenchmarkSwitcher.FromTypes(types).RunAll(args: args[1..]);
return 0;
