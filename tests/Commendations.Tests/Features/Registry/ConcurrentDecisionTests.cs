using Commendations.Common.Errors;
using Commendations.Domain.Nominations;
using Commendations.Features.Decisions;
using Commendations.Features.Nominations;
using Commendations.Seeding;
using Commendations.Testing;

namespace Commendations.Tests.Features.Registry;

/// <summary>Decisions issued at the same moment (two leaders' offices, one register): numbers stay unique and gapless.</summary>
public class ConcurrentDecisionTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly AwardSteps _awards = new(app);

    private Task<DecisionIssued> DecideAsync(string number, IReadOnlyList<Guid> ids) =>
        app.SendOnDecisionDay(DemoAccounts.Leader, new IssueDecision(number, new DateOnly(2027, 1, 12), "Ngô Đức Mạnh", "Chủ tịch UBND tỉnh",
            "Đã có thành tích xuất sắc trong thực hiện Quy chế dân chủ ở cơ sở năm 2026", ids));

    [Fact]
    public async Task Simultaneous_decisions_share_the_register_without_gaps_or_repeats_and_a_number_is_issued_once()
    {
        var ids = await _awards.InDisclosureAsync(6, 6, "ĐT");
        await _awards.ToDecisionAsync(ids);
        var first = ids.Where((_, i) => i % 2 == 0).Take(4).ToList();
        var second = ids.Where((_, i) => i % 2 == 1).Take(4).ToList();

        var both = await Task.WhenAll(DecideAsync("401/QĐ-UBND", first), DecideAsync("402/QĐ-UBND", second));

        both.SelectMany(d => d.RegisterNumbers).Order(StringComparer.Ordinal)
            .Should().Equal(Enumerable.Range(1, 8).Select(i => $"SV-2027-{i:D4}"), "the two decisions together use numbers 1 to 8 once each");
        foreach (var decision in both)
        {
            var numbers = decision.RegisterNumbers.Select(n => int.Parse(n[^4..])).ToList();
            numbers.Should().Equal(Enumerable.Range(numbers[0], 4), "one decision's certificates are numbered in one block");
        }

        // The same decision number sent twice at once: one is issued, the other waits for it and is refused on the number
        // field (as if sent after it), and its nominations wait.
        var left = ids.Except(first).Except(second).ToList();
        var race = await Task.WhenAll(
            Outcome(() => DecideAsync("403/QĐ-UBND", [left[0], left[1]])),
            Outcome(() => DecideAsync("403/QĐ-UBND", [left[2], left[3]])));

        race.Count(r => r is DecisionIssued).Should().Be(1);
        race.OfType<InputException>().Should().ContainSingle().Which.Errors.Keys.Should().Equal("number");
        var issued = race.OfType<DecisionIssued>().Single();
        issued.RegisterNumbers.Should().Equal("SV-2027-0009", "SV-2027-0010");
        var firstPairWon = (await app.Send(DemoAccounts.Leader, new GetNomination(left[0]))).Status == NominationStatus.Awarded;
        var refused = firstPairWon ? left.Skip(2).ToList() : left.Take(2).ToList();
        foreach (var id in refused)
            (await app.Send(DemoAccounts.Leader, new GetNomination(id))).Status.Should().Be(NominationStatus.InReview, "the refused decision changed nothing");

        // The refused decision gave its reserved numbers back: the next one continues without a gap.
        (await DecideAsync("404/QĐ-UBND", refused)).RegisterNumbers.Should().Equal("SV-2027-0011", "SV-2027-0012");
    }

    private static async Task<object> Outcome(Func<Task<DecisionIssued>> decide)
    {
        try
        {
            return await decide();
        }
        catch (Exception e) when (e is ConflictException or InputException)
        {
            return e;
        }
    }
}
