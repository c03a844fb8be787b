using Commendations.Domain.Catalog;
using Commendations.Domain.Decisions;
using Commendations.Domain.Eligibility;
using Commendations.Domain.Nominations;
using Commendations.Domain.Nominees;
using Commendations.Domain.Registry;
using Commendations.Engine;
using Commendations.Features.Decisions;
using Commendations.Features.Eligibility;
using Commendations.Features.Nominations;
using Commendations.Features.Registry;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;
using CastVote = Commendations.Features.Nominations.CastVote;

namespace Commendations.Tests.Features.Documents;

/// <summary>
/// Eligibility by campaign type with the law's criteria: a thematic campaign checks its own criterion and no consecutive
/// titles; the 70 % advanced-worker share belongs to Tập thể lao động xuất sắc only; Chiến sĩ thi đua cấp tỉnh counts three
/// consecutive grassroots titles of the same person (Law 06/2022/QH15, Art. 22(1)) by identity, across a change of name.
/// </summary>
public class EligibilityByCampaignTypeTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly NominationSteps _steps = new(app);

    private async Task<Guid> SubmitAsync(string campaign, string awardForm, PersonInput? person, CollectiveInput? collective, bool minutes = false)
    {
        var id = await app.Send(DemoAccounts.OfficerTanHoa, new CreateNomination(await _steps.CampaignAsync(campaign), awardForm,
            person is null ? NomineeKind.Collective : NomineeKind.Individual, person, collective, "Thành tích xuất sắc."));
        await _steps.AttachRequiredDocumentsAsync(id);
        if (minutes)
            await app.Send(DemoAccounts.OfficerTanHoa, new AddDocument(id, DocumentKind.Minutes, "bien-ban.pdf", NominationSteps.Pdf));
        await app.Send(DemoAccounts.OfficerTanHoa, new SubmitNomination(id, null));
        return id;
    }

    private Task<EligibilityView> EligibilityAsync(Guid id) => app.Send(DemoAccounts.Appraiser, new GetEligibility(id));

    [Fact]
    public async Task Each_campaign_type_and_award_form_is_checked_by_its_own_criteria_each_citing_its_article()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        // Certificate of merit in a thematic campaign: the campaign's own criterion, no "consecutive" criteria, no 70 % share.
        var thematic = await EligibilityAsync(await SubmitAsync(DemoCatalog.CurrentThematicCampaign, DemoCatalog.CertificateOfMerit,
            null, new CollectiveInput("Hội Nông dân xã", 20, 5, 2)));
        thematic.Rules.Select(r => r.Key).Should().Equal("campaign-achievement", "one-award", "no-discipline");
        thematic.Rules.Should().NotContain(r => r.Key == "advanced-share" || r.Key == "consecutive-titles" || r.Key == "collective-excellent");
        thematic.Rules.Single(r => r.Key == "campaign-achievement").Citation.Should().Be("Điều 74 Luật Thi đua, khen thưởng 2022");
        thematic.Rules.Single(r => r.Key == "no-discipline").Citation.Should().Be("Điều 4 Nghị định 152/2025/NĐ-CP");

        // Tập thể lao động xuất sắc (regular campaign): the 70 % share applies, 13/20 = 65 % fails.
        var excellent = await EligibilityAsync(await SubmitAsync(DemoCatalog.CurrentRegularCampaign, DemoCatalog.ExcellentLabourCollective,
            null, new CollectiveInput("Phòng Văn hóa - Xã hội", 20, 8, 13), minutes: true));
        excellent.Rules.Single(r => r.Key == "advanced-share").Should().Match<RuleResult>(r =>
            r.Outcome == EligibilityOutcome.Failed && r.Detail.StartsWith("13/20") && r.Citation == "Điều 27 Luật Thi đua, khen thưởng 2022");
        excellent.Overall.Should().Be(EligibilityOutcome.Failed);

        // Chiến sĩ thi đua cấp tỉnh (regular campaign): consecutive grassroots titles are checked, citing Art. 22(1).
        var fighter = await EligibilityAsync(await SubmitAsync(DemoCatalog.CurrentRegularCampaign, DemoCatalog.ProvincialEmulationFighter,
            new PersonInput("Bùi Văn Sơn", Gender.Male, 1978, "Chuyên viên"), null, minutes: true));
        fighter.Rules.Single(r => r.Key == "consecutive-titles").Should().Match<RuleResult>(r =>
            r.Outcome == EligibilityOutcome.NeedsChecking && r.Citation == "Khoản 1 Điều 22 Luật Thi đua, khen thưởng 2022");
        fighter.Rules.Should().NotContain(r => r.Key == "advanced-share");
    }

    /// <summary>Three grassroots emulation fighter titles (2023–2025) written in the registry under the person's earlier name.</summary>
    private async Task<(Guid Identity, Guid Unit)> PastGrassrootsTitlesAsync(string earlierName)
    {
        await using var db = app.CreateDbContext();
        var unit = (await db.Users.SingleAsync(u => u.UserName == DemoAccounts.OfficerTanHoa.UserName)).UnitId!.Value;
        var unitName = await db.Units.Where(u => u.Id == unit).Select(u => u.Name).SingleAsync();
        var admin = (await db.Users.SingleAsync(u => u.UserName == DemoAccounts.Admin.UserName)).Id;
        var form = await db.AwardForms.SingleAsync(a => a.Code == "csdt-co-so");
        var campaign = await db.Campaigns.SingleAsync(c => c.Code == "PT-2023-QCDC");
        var person = new Person { FullName = earlierName, Gender = Gender.Female, BirthYear = 1982, Position = "Chuyên viên", UnitId = unit };
        person.IdentityId = person.Id;
        db.People.Add(person);
        for (var year = 2023; year <= 2025; year++)
        {
            var date = new DateOnly(year, 12, 20);
            var nomination = new Nomination(NomineeKind.Individual, person.Id, null, earlierName, unit, campaign.Id, form.Id, "Chiến sĩ thi đua cơ sở.", admin,
                new DateTimeOffset(year, 12, 1, 0, 0, 0, TimeSpan.Zero));
            DecisionNumber.TryParse($"{year - 2000}/QĐ-UBND", out var number).Should().BeTrue();
            var decision = new Decision(number, date, "Chủ tịch UBND xã", "Chủ tịch UBND xã", "Chiến sĩ thi đua cơ sở", admin, nomination.CreatedAt);
            db.AddRange(nomination, decision);
            db.AwardRecords.Add(new AwardRecord(new AwardRecordData(nomination.Id, NomineeKind.Individual, person.Id, null, earlierName, unit, unitName,
                form.Id, form.Code, form.Name, campaign.Id, campaign.Code, campaign.Name) { NomineeIdentityId = person.IdentityId },
                decision.Id, decision.Number, date, "CS", 1, nomination.CreatedAt));
        }
        await db.SaveChangesAsync();
        return (person.IdentityId, unit);
    }

    [Fact]
    public async Task Past_titles_follow_the_person_across_a_change_of_name_and_never_a_namesake()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        var (identity, _) = await PastGrassrootsTitlesAsync("Nguyễn Thị Hoa");

        // The nomination form offers the unit's earlier people, one per identity with their awards; another unit sees none of them.
        var known = await app.Send(DemoAccounts.OfficerTanHoa, new ListKnownNominees());
        known.People.Should().ContainSingle(p => p.IdentityId == identity).Which.Should().Be(new KnownPerson(identity, "Nguyễn Thị Hoa", Gender.Female, 1982, 3));
        (await app.Send(DemoAccounts.OfficerDongXuyen, new ListKnownNominees())).People.Should().NotContain(p => p.IdentityId == identity);
        var notOfficer = () => app.Send(DemoAccounts.Appraiser, new ListKnownNominees());
        await notOfficer.Should().ThrowAsync<Commendations.Common.Errors.ForbiddenException>();

        // The officer picks the person from earlier nominations; her name is now written in full.
        var renamed = await SubmitAsync(DemoCatalog.CurrentRegularCampaign, DemoCatalog.ProvincialEmulationFighter,
            new PersonInput("Nguyễn Thị Hoa Mai", Gender.Female, 1982, "Phó Trưởng phòng", identity), null, minutes: true);
        (await EligibilityAsync(renamed)).Rules.Single(r => r.Key == "consecutive-titles").Should().Match<RuleResult>(r =>
            r.Outcome == EligibilityOutcome.Passed && r.Detail.Contains("2023, 2024, 2025"));

        // A namesake of the unit born another year is another person: her titles are not counted for him or her.
        var namesake = await SubmitAsync(DemoCatalog.CurrentRegularCampaign, DemoCatalog.ProvincialEmulationFighter,
            new PersonInput("Nguyễn Thị Hoa", Gender.Female, 1995, "Chuyên viên"), null, minutes: true);
        (await EligibilityAsync(namesake)).Rules.Single(r => r.Key == "consecutive-titles").Outcome.Should().Be(EligibilityOutcome.NeedsChecking);
        var listed = (await app.Send(DemoAccounts.OfficerTanHoa, new ListKnownNominees())).People;
        listed.Should().Contain(new KnownPerson(identity, "Nguyễn Thị Hoa Mai", Gender.Female, 1982, 3), "one line per identity, under its latest name");
        listed.Should().Contain(p => p.FullName == "Nguyễn Thị Hoa" && p.BirthYear == 1995 && p.IdentityId != identity);

        // Another unit's officer cannot claim the identity.
        var foreign = () => app.Send(DemoAccounts.OfficerDongXuyen, new CreateNomination(
            _steps.CampaignAsync(DemoCatalog.CurrentRegularCampaign).Result, DemoCatalog.ProvincialEmulationFighter, NomineeKind.Individual,
            new PersonInput("Nguyễn Thị Hoa Mai", Gender.Female, 1982, "Chuyên viên", identity), null, "Thành tích."));
        (await foreign.Should().ThrowAsync<Commendations.Common.Errors.InputException>()).Which.Errors.Should().ContainKey("person.identityId");

        // Awarded: the certificate is a Bằng chứng nhận, and the registry's history of the line holds the earlier titles.
        await _steps.ActAsync(DemoAccounts.Appraiser, renamed, "forward", "Trình Hội đồng.");
        foreach (var member in DemoAccounts.CouncilInOrder)
            await app.Send(member, new CastVote(renamed, VoteChoice.Yes, null));
        var issued = await app.SendOnDecisionDay(DemoAccounts.Leader, new IssueDecision("12/QĐ-UBND", new DateOnly(2027, 1, 12), "Ngô Đức Mạnh",
            "Chủ tịch UBND tỉnh", "Đã có thành tích xuất sắc trong phong trào thi đua năm 2026", [renamed]));
        var certificate = (await app.Send(DemoAccounts.Leader, new GetCertificates(issued.DecisionId))).Single();
        certificate.Title.Should().Be("BẰNG CHỨNG NHẬN");
        certificate.CertifiesTitle.Should().BeTrue();
        certificate.ListedName.Should().Be("Bà Nguyễn Thị Hoa Mai");
        var decision = await app.Send(DemoAccounts.Leader, new GetDecision(issued.DecisionId));
        decision.ArticleOne.Should().StartWith("Tặng danh hiệu Chiến sĩ thi đua cấp tỉnh cho bà Nguyễn Thị Hoa Mai, ");
        var history = await app.Send(DemoAccounts.Leader, new GetAwardHistory(certificate.AwardRecordId));
        history.Awards.Select(l => (l.NomineeName, l.AwardFormCode)).Should().Equal(
            ("Nguyễn Thị Hoa", "csdt-co-so"), ("Nguyễn Thị Hoa", "csdt-co-so"), ("Nguyễn Thị Hoa", "csdt-co-so"), ("Nguyễn Thị Hoa Mai", DemoCatalog.ProvincialEmulationFighter));
    }
}
