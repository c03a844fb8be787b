using System.Text.Json;
using Commendations.Common.Errors;
using Commendations.Domain.Catalog;
using Commendations.Domain.Eligibility;
using Commendations.Features.Eligibility;
using Commendations.Features.Nominations;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;

namespace Commendations.Tests.Features.Eligibility;

/// <summary>Eligibility rules as versioned data: checked at submission under the version in force for the campaign's period.</summary>
public class EligibilityRuleTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly NominationSteps _steps = new(app);

    private static JsonElement Rules(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private async Task<Guid> SubmittedCollectiveAsync(string campaignCode, int members, int advanced)
    {
        var id = await app.Send(DemoAccounts.OfficerTanHoa, new CreateNomination(await _steps.CampaignAsync(campaignCode), DemoCatalog.CertificateOfMerit,
            NomineeKind.Collective, null, new CollectiveInput($"Tổ công tác {campaignCode}", members, 5, advanced), "Hoàn thành xuất sắc nhiệm vụ."));
        await _steps.AttachRequiredDocumentsAsync(id);
        await app.Send(DemoAccounts.OfficerTanHoa, new SubmitNomination(id, null));
        return id;
    }

    [Fact]
    public async Task A_rule_change_takes_effect_only_for_campaign_periods_after_its_effective_date()
    {
        // The seed holds versions 1 (before Law 06/2022/QH15), 2 (from 01/01/2024) and 3 (Decree 152/2025/NĐ-CP, from
        // 01/07/2025). Version 4 (from 01/01/2026, a fictional provincial rule): collectives need at least 25 members.
        var added = await app.Send(DemoAccounts.Admin, new AddRuleSet(DemoCatalog.CertificateOfMerit, new DateOnly(2026, 1, 1), "Quy định của tỉnh năm 2026", Rules("""
            {"rules":[
              {"key":"size","kind":"minCount","label":"Tập thể có từ 25 thành viên trở lên","appliesTo":["collective"],"fact":"memberCount","min":25,"citation":"Quy định của tỉnh"},
              {"key":"no-discipline","kind":"manual","label":"Không bị kỷ luật"}
            ]}
            """)));
        added.Version.Should().Be(4);

        // A 2024 campaign (Dân vận khéo 2024; its dossiers came in November 2024) keeps version 2: no size rule, and being a
        // thematic campaign, the campaign's own criterion instead of the regular "consecutive" ones.
        app.Clock.Set(TestClock.At(2024, 11, 20));
        var in2024 = await SubmittedCollectiveAsync("PT-2024-DVK", 20, 15);
        // The 2026 campaign falls under version 4: 20 members fails.
        app.Clock.Set(TestClock.At(2026, 12, 1));
        var in2026 = await SubmittedCollectiveAsync(DemoCatalog.CurrentThematicCampaign, 20, 15);

        var old = await app.Send(DemoAccounts.SteeringStandingMember, new GetEligibility(in2024));
        old.RuleSetVersion.Should().Be(2);
        old.Rules.Select(r => r.Key).Should().Equal("campaign-achievement", "one-award", "no-discipline");
        old.Rules.Single(r => r.Key == "no-discipline").Outcome.Should().Be(EligibilityOutcome.NeedsChecking);
        old.Rules.Single(r => r.Key == "no-discipline").Citation.Should().Be("Nghị định 98/2023/NĐ-CP");
        old.Rules.Single(r => r.Key == "one-award").Outcome.Should().Be(EligibilityOutcome.Passed);
        old.Overall.Should().Be(EligibilityOutcome.NeedsChecking);

        var current = await app.Send(DemoAccounts.SteeringStandingMember, new GetEligibility(in2026));
        current.RuleSetVersion.Should().Be(4);
        current.RulesEffectiveFrom.Should().Be(new DateOnly(2026, 1, 1));
        current.Rules.Single(r => r.Key == "size").Should().Match<RuleResult>(r => r.Outcome == EligibilityOutcome.Failed && r.Detail.Contains("20"));
        // The detail reads in Vietnamese and keeps its template and values for the English page.
        current.Rules.Single(r => r.Key == "size").Should().Match<RuleResult>(r => r.DetailTemplate != null && r.DetailValues![0] == "20");
        current.Overall.Should().Be(EligibilityOutcome.Failed);

        var versions = await app.Send(DemoAccounts.Admin, new ListRuleSets(DemoCatalog.CertificateOfMerit));
        versions.Select(v => (v.Version, v.EffectiveFrom)).Should().Equal(
            (1, new DateOnly(2017, 10, 1)), (2, new DateOnly(2024, 1, 1)), (3, new DateOnly(2025, 7, 1)), (4, new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public async Task A_second_proposal_of_the_same_nominee_in_a_campaign_fails_one_achievement_one_award()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        await SubmittedCollectiveAsync(DemoCatalog.CurrentThematicCampaign, 30, 27);
        var second = await SubmittedCollectiveAsync(DemoCatalog.CurrentThematicCampaign, 30, 27);
        var result = await app.Send(DemoAccounts.Appraiser, new GetEligibility(second));
        result.Rules.Single(r => r.Key == "one-award").Outcome.Should().Be(EligibilityOutcome.Failed);
    }

    [Fact]
    public async Task Only_administrators_manage_rules_and_bad_rules_are_refused_with_their_paths()
    {
        var officer = () => app.Send(DemoAccounts.OfficerTanHoa, new ListRuleSets());
        var leader = () => app.Send(DemoAccounts.Leader, new AddRuleSet(DemoCatalog.CertificateOfMerit, new DateOnly(2030, 1, 1), null, Rules("""{"rules":[]}""")));
        await officer.Should().ThrowAsync<ForbiddenException>();
        await leader.Should().ThrowAsync<ForbiddenException>();

        var bad = () => app.Send(DemoAccounts.Admin, new AddRuleSet(DemoCatalog.CertificateOfMerit, new DateOnly(2030, 1, 1), null, Rules("""
            {"rules":[{"key":"x","kind":"magic","label":"?"},{"key":"x","kind":"minShare","label":"","numerator":"age","denominator":"memberCount","min":7}]}
            """)));
        var errors = (await bad.Should().ThrowAsync<InputException>()).Which.Errors["rules"];
        errors.Should().Contain(e => e.StartsWith("$.rules[0].kind:")).And.Contain(e => e.StartsWith("$.rules[1].key:"))
            .And.Contain(e => e.StartsWith("$.rules[1].numerator:")).And.Contain(e => e.StartsWith("$.rules[1].min:")).And.Contain(e => e.StartsWith("$.rules[1].label:"));
        var early = () => app.Send(DemoAccounts.Admin, new AddRuleSet(DemoCatalog.CertificateOfMerit, new DateOnly(2023, 1, 1), null, Rules("""{"rules":[]}""")));
        (await early.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("effectiveFrom");
        var unknownForm = () => app.Send(DemoAccounts.Admin, new AddRuleSet("khong-co", new DateOnly(2030, 1, 1), null, Rules("""{"rules":[]}""")));
        (await unknownForm.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("awardFormCode");
        var otherUnit = async () => await app.Send(DemoAccounts.OfficerDongXuyen, new GetEligibility(await SubmittedCollectiveAsync(DemoCatalog.CurrentThematicCampaign, 10, 9)));
        app.Clock.Set(TestClock.At(2026, 12, 1));
        await otherUnit.Should().ThrowAsync<NotFoundException>();
    }
}
