using Commendations.Persistence;

namespace Commendations.Tests.Persistence;

/// <summary>The reminder times' change tracking (InstantListComparer) sees every change EF Core's own comparer saw.</summary>
public class InstantListComparerTests
{
    private static readonly InstantListComparer Comparer = new();
    private static readonly DateTimeOffset Nine = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Equal_lists_are_equal_and_hash_alike()
    {
        List<DateTimeOffset> a = [Nine, Nine.AddDays(1)];
        List<DateTimeOffset> b = [Nine, Nine.AddDays(1)];

        Comparer.Equals(a, b).Should().BeTrue();
        Comparer.GetHashCode(a).Should().Be(Comparer.GetHashCode(b));
        Comparer.Equals(null, null).Should().BeTrue();
    }

    [Fact]
    public void Another_instant_order_count_or_offset_is_a_change()
    {
        List<DateTimeOffset> a = [Nine, Nine.AddDays(1)];

        Comparer.Equals(a, [Nine.AddDays(1), Nine]).Should().BeFalse();
        Comparer.Equals(a, [Nine]).Should().BeFalse();
        Comparer.Equals(a, null).Should().BeFalse();
        Comparer.Equals(a, [Nine.ToOffset(TimeSpan.FromHours(7)), Nine.AddDays(1)]).Should().BeFalse("the same instant in another offset is stored differently");
    }

    [Fact]
    public void The_snapshot_is_a_copy_so_a_change_in_place_is_seen()
    {
        List<DateTimeOffset> current = [Nine];
        var snapshot = Comparer.Snapshot(current);

        current.Add(Nine.AddDays(1));

        snapshot.Should().Equal(Nine);
        Comparer.Equals(current, snapshot).Should().BeFalse();
    }
}
