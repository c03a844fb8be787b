using BenchmarkDotNet.Running;
using Commendations.Benchmarks;
using Commendations.Benchmarks.EndToEnd;

// Usage: dotnet run -c Release --project tests/Commendations.Benchmarks -- <suite> [options]
//   engine                     BenchmarkDotNet micro-benchmarks of the workflow engine (BenchmarkDotNet arguments follow)
//   all                        every end-to-end scenario below, against one throwaway durable PostgreSQL cluster
//   approvals-http | approvals-inprocess | queries | reminders | startup | import-500   one end-to-end scenario
//   approvals-nodes            approvals over HTTP through nginx to one web node, then two (not part of all)
//   decision-pdf [--runs 20]   size and generation/signing time of a 200-awardee decision PDF (no database)
// End-to-end options: --clients 8 --nominations 600 --seconds 20 --pgbench-seconds 20 --pgbench-scale 10
//                     --scale-nominations 1000000 --query-iterations 40 --startup-runs 3 --deadlines 100000 --burst 1000
//                     --floor-nominations 500 (rows of the approval's floor, approval-floor.sql) --import-rows 500
var micro = new Dictionary<string, Type[]>(StringComparer.OrdinalIgnoreCase)
{
    ["engine"] = [typeof(EngineBenchmarks)],
};

if (args.Length > 0 && micro.TryGetValue(args[0], out var types))
{
    BenchmarkSwitcher.FromTypes(types).RunAll(args: args[1..]);
    return 0;
}
if (args.Length > 0 && string.Equals(args[0], DecisionPdfBenchmark.Suite, StringComparison.OrdinalIgnoreCase))
    return await DecisionPdfBenchmark.RunAsync(args[1..]);
if (args.Length > 0 && EndToEndRunner.Suites.Contains(args[0], StringComparer.OrdinalIgnoreCase))
    return await EndToEndRunner.RunAsync(args[0], args[1..]);

Console.Error.WriteLine($"Usage: <suite> [options]; suites: {string.Join(", ", micro.Keys.Concat(EndToEndRunner.Suites).Append(DecisionPdfBenchmark.Suite))}");
return 1;
