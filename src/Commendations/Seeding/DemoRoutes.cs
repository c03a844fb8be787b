using Commendations.Common.Security;
using Commendations.Common.Time;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominees;
using Commendations.Engine;
using Commendations.Features.Decisions;
using Commendations.Features.Nominations;
using Commendations.Features.Scheduling;
using Commendations.Persistence;
using Commendations.Workflow;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Seeding;

/// <summary>
/// The demo's story, replayed through the real use cases as the officials who took each step, at the instants they took
/// it (<see cref="ReplayClock"/>): the 2024 "Dân vận khéo" awards (the registry's history), and the 2026 campaign as it
/// stands in early December — dossiers of three units at different stages, one returned with its reason, one left
/// overdue at the steering committee, one in public disclosure, one at the appraisal and one at the leader's decision
/// (both past their disclosure), one waiting for the council's vote, one
/// waiting to be forwarded to the central level, and a draft.
/// Actions are chosen by their meaning in the definition (approve, return for supplement), never by a step key or action name.
/// </summary>
public sealed class DemoRoutes(IServiceProvider services)
{
    private Dictionary<string, FixedCurrentUser> _actors = [];

    /// <summary>Replays the story once: a database that already has nominations is left as it is.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<TimeProvider>() is not ReplayClock)
            throw new InvalidOperationException("The demo routes are replayed at their own instants: register a ReplayClock as the TimeProvider.");
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommendationsDbContext>();
            if (await db.Nominations.AnyAsync(cancellationToken))
                return;
            _actors = (await db.Users.ToListAsync(cancellationToken))
                .Select(u => (User: u, Account: DemoAccounts.All.FirstOrDefault(a => a.UserName == u.UserName)))
                .Where(x => x.Account is not null)
                .ToDictionary(x => x.Account!.UserName, x => new FixedCurrentUser(x.User.Id, x.Account!.DisplayName,
                    new HashSet<string> { x.Account.Role }, x.User.UnitId, "127.0.0.1"));
        }
        await AwardsOf2024Async(cancellationToken);
        // The current campaign's story needs its own days to have passed (a clock set before them would replay the future).
        if (services.GetRequiredService<TimeProvider>().GetUtcNow() >= At(2026, 12, 4, 8))
            await Campaign2026Async(cancellationToken);
    }

    private async Task AwardsOf2024Async(CancellationToken ct)
    {
        const string campaign = "PT-2024-DVK";
        var villageWomen = await DraftAsync(DemoAccounts.OfficerTanHoa, At(2024, 11, 4), campaign, DemoCatalog.CertificateOfMerit,
            collective: new CollectiveInput("Chi hội Phụ nữ thôn Đông, xã Tân Hòa", 46, 46, 40),
            summary: "Mô hình \"Dân vận khéo\" vận động 100% hộ gia đình phân loại rác tại nguồn; hiến 1.200 m² đất mở rộng đường thôn.", ct: ct);
        var residents = await DraftAsync(DemoAccounts.OfficerDongXuyen, At(2024, 11, 5), campaign, DemoCatalog.CertificateOfMerit,
            collective: new CollectiveInput("Tổ dân phố số 3, phường Đông Xuyên", 38, 21, 30),
            summary: "Vận động nhân dân tham gia chỉnh trang đô thị, không để phát sinh khiếu kiện đông người trong năm.", ct: ct);
        var leader = await DraftAsync(DemoAccounts.OfficerDongXuyen, At(2024, 11, 5, 10), campaign, DemoCatalog.CertificateOfMerit,
            person: new PersonInput("Lê Văn Cường", Gender.Male, 1979, "Tổ trưởng Tổ dân phố số 3"),
            summary: "Người có uy tín, hòa giải thành công 12 vụ việc ở cơ sở, vận động xóa 3 nhà tạm.", ct: ct);
        foreach (var (id, officer) in new[] { (villageWomen, DemoAccounts.OfficerTanHoa), (residents, DemoAccounts.OfficerDongXuyen), (leader, DemoAccounts.OfficerDongXuyen) })
            await SendAsync(officer, At(2024, 11, 6), new SubmitNomination(id, "Kính trình Ban Chỉ đạo xem xét."), ct);
        foreach (var id in new[] { villageWomen, residents, leader })
            await ThroughSteeringAsync(id, At(2024, 11, 7), ct);
        foreach (var id in new[] { villageWomen, residents, leader })
        {
            await PastDisclosureAsync(id, ct);
            await ActAsync(DemoAccounts.Appraiser, At(2024, 11, 25), id, ActionMeaning.Approve, "Hồ sơ đủ điều kiện, đề nghị trình khen thưởng.", ct);
        }
        await SendAsync(DemoAccounts.Leader, At(2024, 12, 16, 15), new IssueDecision("2856/QĐ-UBND", new DateOnly(2024, 12, 16),
            DemoAccounts.Leader.DisplayName, "Chủ tịch UBND tỉnh",
            "đã có thành tích xuất sắc trong thực hiện phong trào thi đua \"Dân vận khéo\" năm 2024", [villageWomen, residents, leader]), ct);
    }

    private async Task Campaign2026Async(CancellationToken ct)
    {
        var campaign = DemoCatalog.CurrentThematicCampaign;
        // Đông Xuyên: the standing member approved, the deputy head has not acted since — overdue (5 working days).
        var overdue = await DraftAsync(DemoAccounts.OfficerDongXuyen, At(2026, 11, 9), campaign, DemoCatalog.CertificateOfMerit,
            collective: new CollectiveInput("Tổ dân phố số 5, phường Đông Xuyên", 41, 19, 33),
            summary: "Thực hiện tốt dân chủ ở cơ sở: công khai 100% các khoản đóng góp, tổ chức đối thoại định kỳ hằng quý.", ct: ct);
        await SendAsync(DemoAccounts.OfficerDongXuyen, At(2026, 11, 10), new SubmitNomination(overdue, "Kính trình Ban Chỉ đạo."), ct);
        await ActAsync(DemoAccounts.SteeringStandingMember, At(2026, 11, 11), overdue, ActionMeaning.Approve, "Đồng ý, chuyển Phó Trưởng ban.", ct);

        // The public service centre: returned for a missing item, waiting for the officer to complete it.
        var returned = await DraftAsync(DemoAccounts.OfficerServiceCentre, At(2026, 11, 12), campaign, DemoCatalog.CertificateOfMerit,
            collective: new CollectiveInput("Bộ phận Tiếp nhận và trả kết quả, Trung tâm Phục vụ hành chính công tỉnh", 24, 15, 20),
            summary: "Giải quyết đúng hạn 99,8% hồ sơ thủ tục hành chính; không có phản ánh, kiến nghị về thái độ phục vụ.", ct: ct);
        await SendAsync(DemoAccounts.OfficerServiceCentre, At(2026, 11, 13), new SubmitNomination(returned, "Kính trình Ban Chỉ đạo."), ct);
        await ActAsync(DemoAccounts.SteeringStandingMember, At(2026, 11, 17), returned, ActionMeaning.ReturnForSupplement,
            "Báo cáo thành tích chưa có số liệu so sánh với năm 2025 và chưa có xác nhận của cơ quan quản lý; đề nghị bổ sung.", ct);

        // Đông Xuyên again: Lê Văn Cường, awarded in 2024, now in public disclosure.
        var disclosed = await DraftAsync(DemoAccounts.OfficerDongXuyen, At(2026, 11, 16), campaign, DemoCatalog.CertificateOfMerit,
            person: new PersonInput("Lê Văn Cường", Gender.Male, 1979, "Bí thư Chi bộ, Tổ trưởng Tổ dân phố số 3"),
            summary: "Chủ trì xây dựng hương ước tổ dân phố; vận động hiến đất mở rộng 2 tuyến ngõ, không phát sinh khiếu nại.", ct: ct);
        await SendAsync(DemoAccounts.OfficerDongXuyen, At(2026, 11, 17), new SubmitNomination(disclosed, "Kính trình Ban Chỉ đạo."), ct);
        await ThroughSteeringAsync(disclosed, At(2026, 11, 30), ct);

        // Tân Hòa: two dossiers past their disclosure — one for the appraiser to forward, one for the leader's decision —
        // so the end of the route can be shown today without waiting 7 working days.
        var atAppraisal = await DraftAsync(DemoAccounts.OfficerTanHoa, At(2026, 11, 10), campaign, DemoCatalog.CertificateOfMerit,
            collective: new CollectiveInput("Hội Nông dân xã Tân Hòa", 312, 120, 250),
            summary: "Vận động hội viên góp 2.000 ngày công làm đường giao thông nội đồng; công khai thu chi quỹ hội hằng quý.", ct: ct);
        var atDecision = await DraftAsync(DemoAccounts.OfficerTanHoa, At(2026, 11, 10, 10), campaign, DemoCatalog.CertificateOfMerit,
            collective: new CollectiveInput("Trạm Y tế xã Tân Hòa", 9, 7, 8),
            summary: "Công khai giá dịch vụ, đường dây nóng; không có phản ánh về thái độ phục vụ; tiêm chủng đạt 99%.", ct: ct);
        foreach (var id in new[] { atAppraisal, atDecision })
        {
            await SendAsync(DemoAccounts.OfficerTanHoa, At(2026, 11, 11), new SubmitNomination(id, "Kính trình Ban Chỉ đạo."), ct);
            await ThroughSteeringAsync(id, At(2026, 11, 12), ct);
            await PastDisclosureAsync(id, ct);
        }
        await ActAsync(DemoAccounts.Appraiser, At(2026, 12, 1), atDecision, ActionMeaning.Approve, "Hồ sơ đủ điều kiện, đề nghị trình khen thưởng.", ct);

        // Tân Hòa: a provincial emulation fighter forwarded to the council, waiting for its vote; and a draft not yet sent.
        var atCouncil = await DraftAsync(DemoAccounts.OfficerTanHoa, At(2026, 11, 18), DemoCatalog.CurrentRegularCampaign, DemoCatalog.ProvincialEmulationFighter,
            person: new PersonInput("Trần Thị Thu Hà", Gender.Female, 1984, "Phó Chủ tịch UBND xã Tân Hòa"),
            summary: "Ba năm liền đạt danh hiệu Chiến sĩ thi đua cơ sở; sáng kiến \"Một cửa số tại xã\" được công nhận cấp tỉnh.", ct: ct);
        await SendAsync(DemoAccounts.OfficerTanHoa, At(2026, 11, 19), new SubmitNomination(atCouncil, "Kính trình Hội đồng Thi đua - Khen thưởng tỉnh."), ct);
        await ActAsync(DemoAccounts.Appraiser, At(2026, 11, 26), atCouncil, ActionMeaning.Approve, "Đủ tiêu chuẩn theo quy định, trình Hội đồng.", ct);

        // Tân Hòa: a Prime Minister's certificate of merit, appraised and agreed by the leader: the office forwards it upward.
        var upward = await DraftAsync(DemoAccounts.OfficerTanHoa, At(2026, 11, 5), DemoCatalog.CurrentRegularCampaign, DemoCatalog.PrimeMinisterCertificate,
            person: new PersonInput("Đinh Văn Khải", Gender.Male, 1968, "Giám đốc Hợp tác xã Nông nghiệp Tân Hòa"),
            summary: "Năm năm liền hoàn thành xuất sắc nhiệm vụ; đưa hợp tác xã lên 420 thành viên, liên kết tiêu thụ 1.800 tấn lúa hữu cơ mỗi năm.", ct: ct);
        await SendAsync(DemoAccounts.OfficerTanHoa, At(2026, 11, 6), new SubmitNomination(upward, "Kính trình UBND tỉnh đề nghị Thủ tướng Chính phủ tặng Bằng khen."), ct);
        await ActAsync(DemoAccounts.Appraiser, At(2026, 11, 20), upward, ActionMeaning.Approve, "Đủ tiêu chuẩn Bằng khen của Thủ tướng Chính phủ; trình lãnh đạo tỉnh.", ct);
        await ActAsync(DemoAccounts.Leader, At(2026, 11, 25), upward, ActionMeaning.Approve, "Đồng ý đề nghị Thủ tướng Chính phủ tặng Bằng khen.", ct);

        await DraftAsync(DemoAccounts.OfficerTanHoa, At(2026, 12, 2), campaign, DemoCatalog.CertificateOfMerit,
            person: new PersonInput("Nguyễn Thị Mai", Gender.Female, 1990, "Bí thư Đoàn xã Tân Hòa"),
            summary: "Tổ chức 24 buổi đối thoại của thanh niên với chính quyền xã; hướng dẫn người dân dùng dịch vụ công trực tuyến.", ct: ct);
    }

    private async Task<Guid> DraftAsync(DemoAccounts.Account officer, DateTimeOffset at, string campaignCode, string awardForm,
        CancellationToken ct, CollectiveInput? collective = null, PersonInput? person = null, string summary = "")
    {
        Guid campaignId;
        IReadOnlyList<DocumentKind> required;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommendationsDbContext>();
            campaignId = await db.Campaigns.Where(c => c.Code == campaignCode).Select(c => c.Id).SingleAsync(ct);
            required = (await db.AwardForms.SingleAsync(a => a.Code == awardForm, ct)).RequiredDocuments;
        }
        var kind = person is null ? NomineeKind.Collective : NomineeKind.Individual;
        var id = await SendAsync(officer, at, new CreateNomination(campaignId, awardForm, kind, person, collective, summary), ct);
        foreach (var document in required)
            await SendAsync(officer, at.AddMinutes(20), new AddDocument(id, document, DemoFileName(document), DemoPdf.Saying(DemoTitle(document))), ct);
        return id;
    }

    /// <summary>Each member of the steering committee approves in order, a working day apart.</summary>
    private async Task ThroughSteeringAsync(Guid id, DateTimeOffset from, CancellationToken ct)
    {
        var at = from;
        foreach (var member in new[] { DemoAccounts.SteeringStandingMember, DemoAccounts.SteeringDeputyHead, DemoAccounts.SteeringHead })
        {
            await ActAsync(member, at, id, ActionMeaning.Approve, "Đồng ý.", ct);
            at = at.AddDays(at.DayOfWeek == DayOfWeek.Friday ? 3 : 1);
        }
    }

    /// <summary>The scheduler ends the disclosure wait just after it runs out (the step it waits at is read, not named).</summary>
    private async Task PastDisclosureAsync(Guid id, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommendationsDbContext>();
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.NominationId == id, ct);
        var state = InstanceState.FromJson(instance.State);
        await SendAsync(null, state.WaitUntil!.Value.AddMinutes(1), new ElapseWait(id, state.CurrentStep!), ct);
    }

    /// <summary>The reader's turn on the nomination, answered with the action its definition says has that meaning.</summary>
    private async Task ActAsync(DemoAccounts.Account who, DateTimeOffset at, Guid id, ActionMeaning meaning, string comment, CancellationToken ct)
    {
        var turn = (await SendAsync(who, at, new GetNomination(id), ct)).MyTurn
                   ?? throw new InvalidOperationException($"The demo expected {who.UserName} to have a turn on {id}.");
        WorkflowDefinition definition;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommendationsDbContext>();
            var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.NominationId == id, ct);
            definition = await scope.ServiceProvider.GetRequiredService<DefinitionSemantics>().OfAsync(instance, ct);
        }
        var action = turn.Actions.First(a => DefinitionSemantics.MeaningOf(definition, turn.StepKey, a) == meaning);
        await SendAsync(who, at, new Features.Nominations.ActOnTask(turn.TaskId, action, comment), ct);
    }

    private async Task<T> SendAsync<T>(DemoAccounts.Account? who, DateTimeOffset at, IRequest<T> request, CancellationToken ct)
    {
        using var time = ReplayClock.At(at);
        using var actor = StartupActor.Use(who is null ? FixedCurrentUser.System : _actors[who.UserName]);
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, ct);
    }

    private static DateTimeOffset At(int year, int month, int day, int hour = 9) => new(year, month, day, hour, 0, 0, VietnamTime.Offset);

    private static string DemoFileName(DocumentKind kind) => kind switch
    {
        DocumentKind.SubmissionLetter => "to-trinh.pdf",
        DocumentKind.AchievementReport => "bao-cao-thanh-tich.pdf",
        DocumentKind.Minutes => "bien-ban-hop-xet.pdf",
        _ => "tai-lieu.pdf",
    };

    private static string DemoTitle(DocumentKind kind) => kind switch
    {
        DocumentKind.SubmissionLetter => "To trinh de nghi khen thuong",
        DocumentKind.AchievementReport => "Bao cao thanh tich",
        DocumentKind.Minutes => "Bien ban hop xet thi dua",
        _ => "Tai lieu",
    };
}
