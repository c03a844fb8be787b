using Commendations.Domain.Campaigns;
using Commendations.Domain.Catalog;
using Commendations.Domain.Committees;
using Commendations.Domain.Units;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Seeding;

/// <summary>DOMAIN.md's award forms, campaigns (plus current ones, so the demo can submit today), committees and cluster.</summary>
public static class DemoCatalog
{
    public const string CertificateOfMerit = "bang-khen-tinh";
    public const string ProvincialEmulationFighter = "csdt-tinh";
    public const string SteeringCommittee = "bcd-qcdc";
    public const string Council = "hdtdkt";
    public const string CurrentThematicCampaign = "PT-2026-QCDC";
    public const string CurrentRegularCampaign = "PT-2026-TX";
    public const string ExcellentLabourCollective = "tap-the-ldxs";
    public const string EmulationFlag = "co-thi-dua-tinh";
    public const string PrimeMinisterCertificate = "bang-khen-thu-tuong";
    public const string LabourOrderThirdClass = "huan-chuong-lao-dong-hang-ba";
    public const string NationalEmulationFighter = "csdt-toan-quoc";

    /// <summary>The shipped route of the awards decided above the province: it ends by forwarding the dossier upward.</summary>
    public const string ForwardingWorkflow = "de-nghi-cap-tren";

    /// <summary>The route of the two collective titles: the commendation office and the inspectorate in parallel, then the shared discipline check (a sub-route).</summary>
    public const string CollectiveTitlesWorkflow = "khen-thuong-tap-the";

    public static async Task SeedAsync(CommendationsDbContext db, CancellationToken cancellationToken)
    {
        if (await db.AwardForms.AnyAsync(cancellationToken))
            return;

        DocumentKind[] basic = [DocumentKind.SubmissionLetter, DocumentKind.AchievementReport];
        DocumentKind[] withMinutes = [.. basic, DocumentKind.Minutes];
        var merit = new AwardForm(CertificateOfMerit, "Bằng khen của Chủ tịch UBND tỉnh", [NomineeKind.Collective, NomineeKind.Individual, NomineeKind.Household], basic, "BẰNG KHEN");
        var fighter = new AwardForm(ProvincialEmulationFighter, "Chiến sĩ thi đua cấp tỉnh", [NomineeKind.Individual], withMinutes, "BẰNG CHỨNG NHẬN");
        var excellentCollective = new AwardForm(ExcellentLabourCollective, "Tập thể lao động xuất sắc", [NomineeKind.Collective], withMinutes, "BẰNG CHỨNG NHẬN");
        var flag = new AwardForm(EmulationFlag, "Cờ thi đua của UBND tỉnh", [NomineeKind.Collective], withMinutes, "CỜ THI ĐUA");
        db.AwardForms.AddRange(merit, fighter, excellentCollective, flag,
            new AwardForm("csdt-co-so", "Chiến sĩ thi đua cơ sở", [NomineeKind.Individual], basic, "BẰNG CHỨNG NHẬN"));
        // State-level awards (decided above the province under the Law on Emulation and Commendation 06/2022/QH15): the
        // province proposes them and forwards the dossier. Their codes are those the statistics count in the State-level
        // form 0602.N (Resources/statistics-forms.json); the certificate is printed by the central level, not here.
        var primeMinister = new AwardForm(PrimeMinisterCertificate, "Bằng khen của Thủ tướng Chính phủ", [NomineeKind.Collective, NomineeKind.Individual], basic, "BẰNG KHEN");
        var labourOrder = new AwardForm(LabourOrderThirdClass, "Huân chương Lao động hạng Ba", [NomineeKind.Collective, NomineeKind.Individual], basic, "HUÂN CHƯƠNG");
        var nationalFighter = new AwardForm(NationalEmulationFighter, "Chiến sĩ thi đua toàn quốc", [NomineeKind.Individual], withMinutes, "BẰNG CHỨNG NHẬN");
        db.AwardForms.AddRange(primeMinister, labourOrder, nationalFighter);

        var qcdc2023 = new Campaign("PT-2023-QCDC", "Thi đua thực hiện Quy chế dân chủ ở cơ sở năm 2023", CampaignType.Thematic,
            new(2023, 1, 1), new(2023, 12, 31), new(2023, 12, 1), new(2023, 12, 10), "15/KH-BCĐ ngày 20/02/2023");
        qcdc2023.Allow(merit.Id, "bang-khen-chuyen-de", 15, 15);
        var dvk2024 = new Campaign("PT-2024-DVK", "Dân vận khéo năm 2024", CampaignType.Thematic,
            new(2024, 1, 1), new(2024, 12, 31), new(2024, 11, 1), new(2024, 12, 10));
        dvk2024.Allow(merit.Id, "bang-khen-chuyen-de", 10, 10);
        var qcdc2026 = new Campaign(CurrentThematicCampaign, "Thi đua thực hiện Quy chế dân chủ ở cơ sở năm 2026", CampaignType.Thematic,
            new(2026, 1, 1), new(2026, 12, 31), new(2026, 11, 1), new(2026, 12, 10), "12/KH-BCĐ ngày 15/02/2026");
        qcdc2026.Allow(merit.Id, "bang-khen-chuyen-de", 15, 15);
        var regular2026 = new Campaign(CurrentRegularCampaign, "Phong trào thi đua thường xuyên năm 2026", CampaignType.Regular,
            new(2026, 1, 1), new(2026, 12, 31), new(2026, 11, 1), new(2026, 12, 15));
        regular2026.Allow(fighter.Id, "csdt-tinh", null, 10);
        regular2026.Allow(excellentCollective.Id, CollectiveTitlesWorkflow, 10, null);
        regular2026.Allow(flag.Id, CollectiveTitlesWorkflow, 3, null);
        foreach (var state in new[] { primeMinister, labourOrder, nationalFighter })
            regular2026.Allow(state.Id, ForwardingWorkflow, null, null);
        db.Campaigns.AddRange(qcdc2023, dvk2024, qcdc2026, regular2026);

        var users = await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
        var steering = new Committee(SteeringCommittee, "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh Lam Giang", CommitteeKind.SteeringCommittee);
        // DOMAIN.md: the standing member reviews first, then the deputy head, then the head.
        steering.AddMember(users[DemoAccounts.SteeringStandingMember.UserName], "Ủy viên thường trực", isSecretary: true);
        steering.AddMember(users[DemoAccounts.SteeringDeputyHead.UserName], "Phó Trưởng ban");
        steering.AddMember(users[DemoAccounts.SteeringHead.UserName], "Trưởng ban", isChair: true);
        var council = new Committee(Council, "Hội đồng Thi đua - Khen thưởng tỉnh Lam Giang", CommitteeKind.Council);
        council.AddMember(users[DemoAccounts.SteeringHead.UserName], "Chủ tịch Hội đồng", isChair: true);
        council.AddMember(users[DemoAccounts.SteeringDeputyHead.UserName], "Phó Chủ tịch Hội đồng");
        council.AddMember(users[DemoAccounts.SteeringStandingMember.UserName], "Ủy viên, Thư ký Hội đồng", isSecretary: true);
        foreach (var member in DemoAccounts.CouncilInOrder.Skip(3))
            council.AddMember(users[member.UserName], member.Title!);
        steering.SetMinutesRecipients(["Trưởng ban, các Phó Trưởng ban;", "Các thành viên Ban Chỉ đạo;", "Lưu: VT, BCĐ."]);
        council.SetMinutesRecipients(["Chủ tịch, các Phó Chủ tịch Hội đồng;", "Sở Nội vụ (Phòng Thi đua, khen thưởng);", "Lưu: VT, HĐTĐKT."]);
        db.Committees.AddRange(steering, council);

        db.SigningAuthorities.Add(new Domain.Documents.SigningAuthority(new DateOnly(2020, 1, 1), "ỦY BAN NHÂN DÂN TỈNH LAM GIANG", "Lam Giang",
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAM GIANG", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Theo đề nghị của Giám đốc Sở Nội vụ.",
            "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
            ["Như Điều 3;", "Chủ tịch, các Phó Chủ tịch UBND tỉnh;", "Lưu: VT, SNV."], users[DemoAccounts.Admin.UserName], DateTimeOffset.UnixEpoch));

        db.EligibilityRuleSets.AddRange(DemoEligibilityRules.All(users[DemoAccounts.Admin.UserName]));

        var cluster = new EmulationCluster("CUM-2", "Cụm thi đua số 2");
        db.Clusters.Add(cluster);
        var tanHoa = await db.Units.SingleAsync(u => u.Code == DemoUnits.TanHoa, cancellationToken);
        tanHoa.JoinCluster(cluster);
        await db.SaveChangesAsync(cancellationToken);
    }
}
