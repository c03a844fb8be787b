using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Commendations.Benchmarks;

/// <summary>Adds "Transitions/s" (one core): 1 s divided by the mean time of one operation, which is one transition.</summary>
public sealed class TransitionsPerSecondConfig : ManualConfig
{
    public TransitionsPerSecondConfig() => AddColumn(new TransitionsPerSecondColumn());

    private sealed class TransitionsPerSecondColumn : IColumn
    {
        public string Id => nameof(TransitionsPerSecondColumn);
        public string ColumnName => "Transitions/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Transitions per second on one core (1 s / mean of one transition)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            return mean is > 0 ? (1e9 / mean.Value).ToString("N0", CultureInfo.InvariantCulture) : "-";
        }

        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
