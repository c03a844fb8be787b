using Commendations.Common.Telemetry;

namespace Commendations.Tests.Common;

/// <summary>
/// An operator's action counts match what was committed: a use case that failed counts nothing, even inside another one
/// that went on (a bulk action whose one item was refused), and nothing is counted before the outermost use case ends.
/// </summary>
public class AfterSuccessTests
{
    private readonly AfterSuccess _afterSuccess = new();
    private readonly List<string> _counted = [];

    [Fact]
    public void A_use_case_that_succeeds_counts_when_it_ends()
    {
        _afterSuccess.Enter();
        _afterSuccess.Add(() => _counted.Add("approve"));
        _counted.Should().BeEmpty("its transaction has not committed yet");

        _afterSuccess.Leave(succeeded: true);

        _counted.Should().Equal("approve");
    }

    [Fact]
    public void A_use_case_that_fails_counts_nothing()
    {
        _afterSuccess.Enter();
        _afterSuccess.Add(() => _counted.Add("approve"));
        _afterSuccess.Leave(succeeded: false);

        _counted.Should().BeEmpty();
    }

    [Fact]
    public void Inside_a_bulk_action_only_the_items_that_succeeded_are_counted_once_the_bulk_action_ends()
    {
        _afterSuccess.Enter(); // the bulk action
        foreach (var (item, succeeded) in new[] { ("first", true), ("refused", false), ("third", true) })
        {
            _afterSuccess.Enter();
            _afterSuccess.Add(() => _counted.Add(item));
            _afterSuccess.Leave(succeeded);
        }
        _counted.Should().BeEmpty();

        _afterSuccess.Leave(succeeded: true);

        _counted.Should().Equal("first", "third");
    }

    [Fact]
    public void Outside_any_use_case_a_measurement_is_taken_at_once()
    {
        _afterSuccess.Add(() => _counted.Add("sign-in failed"));

        _counted.Should().Equal("sign-in failed");
    }
}
