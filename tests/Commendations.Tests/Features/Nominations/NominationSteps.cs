using Commendations.Common.Security;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominees;
using Commendations.Features.Campaigns;
using Commendations.Features.Decisions;
using Commendations.Features.Nominations;
using Commendations.Features.Scheduling;
using Commendations.Seeding;
using Commendations.Testing;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Features.Nominations;

/// <summary>The steps users take, written once so each test reads as the story it tells.</summary>
public sealed class NominationSteps
{
    private readonly LifecycleHarness app;

    /// <summary>Each test starts on 01/12/2026 09:00, inside PT-2026-QCDC's dossier window (tests share a class fixture).</summary>
    public NominationSteps(LifecycleHarness app)
    {
        this.app = app;
        app.Clock.Set(TestClock.At(2026, 12, 1));
    }

    public static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    public static readonly DemoAccounts.Account[] SteeringInOrder =
        [DemoAccounts.SteeringStandingMember, DemoAccounts.SteeringDeputyHead, DemoAccounts.SteeringHead];

    public async Task<Guid> CampaignAsync(string code)
    {
        var campaigns = await app.Send(DemoAccounts.OfficerTanHoa, new ListCampaigns());
        return campaigns.Single(c => c.Code == code).Id;
    }

    public async Task<Guid> DraftCollectiveAsync(DemoAccounts.Account? officer = null, string name = "UBND xã Tân Hòa") =>
        await app.Send(officer ?? DemoAccounts.OfficerTanHoa, new CreateNomination(
            await CampaignAsync(DemoCatalog.CurrentThematicCampaign), DemoCatalog.CertificateOfMerit, NomineeKind.Collective,
            null, new CollectiveInput(name, 28, 13, 20), "Thực hiện tốt Quy chế dân chủ ở cơ sở năm 2026."));

    public async Task<Guid> DraftIndividualAsync(DemoAccounts.Account? officer = null) =>
        await app.Send(officer ?? DemoAccounts.OfficerTanHoa, new CreateNomination(
            await CampaignAsync(DemoCatalog.CurrentThematicCampaign), DemoCatalog.CertificateOfMerit, NomineeKind.Individual,
            new PersonInput("Trần Thị Mỹ Duyên", Gender.Female, 1986, "Công chức văn hóa - xã hội xã Tân Hòa"), null,
            "Tham mưu tổ chức đối thoại định kỳ với Nhân dân."));

    public async Task AttachRequiredDocumentsAsync(Guid nominationId, DemoAccounts.Account? officer = null)
    {
        await app.Send(officer ?? DemoAccounts.OfficerTanHoa, new AddDocument(nominationId, DocumentKind.SubmissionLetter, "to-trinh.pdf", Pdf));
        await app.Send(officer ?? DemoAccounts.OfficerTanHoa, new AddDocument(nominationId, DocumentKind.AchievementReport, "bao-cao-thanh-tich.pdf", Pdf));
    }

    public async Task<Guid> SubmittedCollectiveAsync()
    {
        var id = await DraftCollectiveAsync();
        await AttachRequiredDocumentsAsync(id);
        await app.Send(DemoAccounts.OfficerTanHoa, new SubmitNomination(id, "Kính trình Ban Chỉ đạo."));
        return id;
    }

    public async Task<MyTurn> TurnOfAsync(DemoAccounts.Account account, Guid nominationId) =>
        (await app.Send(account, new GetNomination(nominationId))).MyTurn
        ?? throw new InvalidOperationException($"{account.UserName} has no turn on {nominationId}.");

    public async Task<WorkflowOutcome> ActAsync(DemoAccounts.Account account, Guid nominationId, string action, string? comment = null, string? key = null) =>
        await app.Send(account, new ActOnTask((await TurnOfAsync(account, nominationId)).TaskId, action, comment, key));

    public async Task ApproveByWholeCommitteeAsync(Guid nominationId)
    {
        foreach (var member in SteeringInOrder)
            await ActAsync(member, nominationId, "approve", $"Đồng ý ({member.Title}).");
    }

    /// <summary>Moves the clock past the disclosure wait and lets the scheduler end it.</summary>
    public async Task EndDisclosureAsync(Guid nominationId)
    {
        await using (var db = app.CreateDbContext())
        {
            var instance = await db.WorkflowInstances.SingleAsync(i => i.NominationId == nominationId);
            var until = Engine.InstanceState.FromJson(instance.State).WaitUntil!.Value;
            app.Clock.Set(until.AddMinutes(1));
        }
        (await app.Send(FixedCurrentUser.System, new ElapseWait(nominationId, "public-disclosure"))).Should().BeTrue();
    }

    public async Task<DecisionIssued> DecideAsync(string number, params Guid[] nominationIds) =>
        await app.SendOnDecisionDay(DemoAccounts.Leader, new IssueDecision(number, new DateOnly(2027, 1, 12), "Ngô Đức Mạnh", "Chủ tịch UBND tỉnh",
            "Đã có thành tích xuất sắc trong thực hiện Quy chế dân chủ ở cơ sở năm 2026", nominationIds));
}
