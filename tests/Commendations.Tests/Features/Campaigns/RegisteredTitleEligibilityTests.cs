using System.Text.Json;
using Commendations.Domain.Catalog;
using Commendations.Domain.Eligibility;
using Commendations.Features.Campaigns.Registration;
using Commendations.Features.Eligibility;
using Commendations.Features.Nominations;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;

namespace Commendations.Tests.Features.Campaigns;

/// <summary>
/// "Registered for this title" as an eligibility fact (issue 22): a rule <c>minCount registeredCount ≥ 1</c> passes for
/// what the unit registered, fails for what it did not, and needs checking when the campaign never opened registration.
/// </summary>
public class RegisteredTitleEligibilityTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly NominationSteps _steps = new(app);

    private async Task<EligibilityOutcome> RegisteredRuleAsync(Guid campaign, PersonInput? person, CollectiveInput? collective)
    {
        var id = await app.Send(DemoAccounts.OfficerTanHoa, new CreateNomination(campaign, DemoCatalog.CertificateOfMerit,
            person is null ? NomineeKind.Collective : NomineeKind.Individual, person, collective, "Thành tích xuất sắc."));
        await _steps.AttachRequiredDocumentsAsync(id);
        await app.Send(DemoAccounts.OfficerTanHoa, new SubmitNomination(id, null));
        var view = await app.Send(DemoAccounts.Appraiser, new GetEligibility(id));
        return view.Rules.Single(r => r.Key == "registered").Outcome;
    }

    [Fact]
    public async Task A_unit_is_eligible_for_what_it_registered_not_for_what_it_did_not()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        var rules = JsonSerializer.Deserialize<JsonElement>(
            """{"rules":[{"key":"registered","kind":"minCount","label":"Đã đăng ký thi đua","fact":"registeredCount","min":1}]}""");
        // In force from before the campaign's period: rule sets apply by the campaign's start date.
        await app.Send(DemoAccounts.Admin, new AddRuleSet(DemoCatalog.CertificateOfMerit, new DateOnly(2025, 12, 31), null, rules));
        var campaign = await _steps.CampaignAsync(DemoCatalog.CurrentThematicCampaign);

        (await RegisteredRuleAsync(campaign, null, new CollectiveInput("Tổ hòa giải thôn Nam", 12, 5, 9)))
            .Should().Be(EligibilityOutcome.NeedsChecking, "the campaign has not opened registration: nothing to compare with");

        await app.Send(DemoAccounts.Appraiser, new OpenRegistration(campaign, new DateOnly(2026, 12, 10)));
        await app.Send(DemoAccounts.OfficerTanHoa, new RegisterTitles(campaign, [new TitleAim(DemoCatalog.CertificateOfMerit, 1, 0)]));

        (await RegisteredRuleAsync(campaign, null, new CollectiveInput("Chi hội Cựu chiến binh thôn Nam", 15, 2, 12)))
            .Should().Be(EligibilityOutcome.Passed, "Tân Hòa registered one collective for this certificate");
        (await RegisteredRuleAsync(campaign, new PersonInput("Đặng Văn Tâm", Domain.Nominees.Gender.Male, 1980, "Trưởng thôn"), null))
            .Should().Be(EligibilityOutcome.Failed, "Tân Hòa registered no individual for it");
    }
}
