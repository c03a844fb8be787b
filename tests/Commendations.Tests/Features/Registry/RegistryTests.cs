using Commendations.Common.Errors;
using Commendations.Domain.Catalog;
using Commendations.Features.Decisions;
using Commendations.Features.Registry;
using Commendations.Persistence;
using Commendations.Seeding;
using Commendations.Testing;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Features.Registry;

/// <summary>Searching the award registry, a nominee's history, and revocation that keeps the record.</summary>
public class RegistryTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly AwardSteps _awards = new(app);

    private async Task<DecisionIssued> DecidedAsync()
    {
        var ids = await _awards.AtDecisionAsync(2, 2, "SR");
        return await app.SendOnDecisionDay(DemoAccounts.Leader, new IssueDecision("17/QĐ-UBND", new DateOnly(2027, 1, 12), "Ngô Đức Mạnh", "Chủ tịch UBND tỉnh",
            "Đã có thành tích xuất sắc", ids));
    }

    [Fact]
    public async Task The_registry_is_searched_by_each_field_shows_a_history_and_keeps_a_revoked_award()
    {
        var issued = await DecidedAsync();

        var byDecision = await app.Send(DemoAccounts.OfficerDongXuyen, new SearchRegistry(Decision: "17/QĐ-UBND"));
        byDecision.TotalCount.Should().Be(4);
        byDecision.Items.Select(l => l.RegisterNumber).Should().BeEquivalentTo(issued.RegisterNumbers);
        (await app.Send(DemoAccounts.Appraiser, new SearchRegistry(Person: "sr cá nhân 02"))).Items.Single().NomineeName.Should().Be("SR Cá nhân 02");
        (await app.Send(DemoAccounts.Appraiser, new SearchRegistry(Collective: "Tập thể"))).Items.Should().OnlyContain(l => l.Kind == NomineeKind.Collective).And.HaveCount(2);
        // As people type: without diacritics, in any case.
        (await app.Send(DemoAccounts.Appraiser, new SearchRegistry(Person: "SR CA NHAN 02"))).Items.Single().NomineeName.Should().Be("SR Cá nhân 02");
        (await app.Send(DemoAccounts.Appraiser, new SearchRegistry(Collective: "tap the"))).Items.Should().HaveCount(2);
        (await app.Send(DemoAccounts.Appraiser, new SearchRegistry(AwardForm: DemoCatalog.CertificateOfMerit, Campaign: DemoCatalog.CurrentThematicCampaign, Year: 2027)))
            .TotalCount.Should().Be(4);
        (await app.Send(DemoAccounts.Appraiser, new SearchRegistry(Year: 2026))).TotalCount.Should().Be(0);
        (await app.Send(DemoAccounts.Appraiser, new SearchRegistry(Person: "100%_"))).TotalCount.Should().Be(0);
        var unitId = byDecision.Items[0].UnitId;
        (await app.Send(DemoAccounts.Appraiser, new SearchRegistry(UnitId: unitId, PageSize: 3))).Should().Match<Commendations.Features.Nominations.Page<RegistryLine>>(p => p.TotalCount == 4 && p.Items.Count == 3);

        var line = byDecision.Items.First(l => l.NomineeName == "SR Cá nhân 01");
        var history = await app.Send(DemoAccounts.OfficerTanHoa, new GetAwardHistory(line.Id));
        history.Awards.Should().ContainSingle().Which.DecisionNumber.Should().Be("17/QĐ-UBND");

        var revoked = await app.Send(DemoAccounts.Admin, new RevokeAward(line.Id, "Kê khai không trung thực thành tích.", "45/QĐ-UBND", new DateOnly(2027, 3, 1)));
        revoked.Revoked.Should().BeTrue();
        var kept = (await app.Send(DemoAccounts.Appraiser, new SearchRegistry(Decision: "17/QĐ-UBND"))).Items.Single(l => l.Id == line.Id);
        kept.Revoked.Should().BeTrue();
        kept.RevokingDecisionNumber.Should().Be("45/QĐ-UBND");
        kept.RevocationDate.Should().Be(new DateOnly(2027, 3, 1));
        (await app.Send(DemoAccounts.Appraiser, new SearchRegistry(Decision: "17/QĐ-UBND", IncludeRevoked: false))).TotalCount.Should().Be(3);
        await using var db = app.CreateDbContext();
        (await db.AuditEntries.CountAsync(e => e.Stream == "registry" && e.Action == "award.revoked")).Should().Be(1);

        var again = () => app.Send(DemoAccounts.Leader, new RevokeAward(line.Id, "Lần hai.", "46/QĐ-UBND", new DateOnly(2027, 3, 2)));
        (await again.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("already-revoked");
    }

    [Fact]
    public async Task Revocation_is_refused_to_other_roles_for_unknown_lines_and_for_bad_input()
    {
        var officer = () => app.Send(DemoAccounts.OfficerTanHoa, new RevokeAward(Guid.NewGuid(), "Lý do", "45/QĐ-UBND", new DateOnly(2027, 3, 1)));
        var member = () => app.Send(DemoAccounts.SteeringHead, new RevokeAward(Guid.NewGuid(), "Lý do", "45/QĐ-UBND", new DateOnly(2027, 3, 1)));
        var unknown = () => app.Send(DemoAccounts.Admin, new RevokeAward(Guid.NewGuid(), "Lý do", "45/QĐ-UBND", new DateOnly(2027, 3, 1)));
        var bad = () => app.Send(DemoAccounts.Admin, new RevokeAward(Guid.NewGuid(), "", "bốn lăm", default));
        var badSearch = () => app.Send(DemoAccounts.Admin, new SearchRegistry(Year: 10, PageSize: 0));

        await officer.Should().ThrowAsync<ForbiddenException>();
        await member.Should().ThrowAsync<ForbiddenException>();
        await unknown.Should().ThrowAsync<NotFoundException>();
        (await bad.Should().ThrowAsync<InputException>()).Which.Errors.Keys.Should().BeEquivalentTo(["reason", "revokingDecisionNumber", "date"]);
        (await badSearch.Should().ThrowAsync<InputException>()).Which.Errors.Keys.Should().BeEquivalentTo(["year", "pageSize"]);
    }
}
