using Commendations.Common.Errors;
using Commendations.Domain.Catalog;
using Commendations.Domain.Documents;
using Commendations.Domain.Nominations;
using Commendations.Domain.Nominees;
using Commendations.Features.Decisions;
using Commendations.Features.Documents;
using Commendations.Features.Nominations;
using Commendations.Features.Registry;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Features.Documents;

/// <summary>
/// What a decision prints comes from data in force on its date: the legal basis (Decree 98/2023/NĐ-CP before 01/07/2025,
/// Decree 152/2025/NĐ-CP from then on), the authority line and signature block ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" when a
/// vice-chairman signs), wording by kind and count, "Ông"/"Bà" by sex, and dates and numbers as Decree 30/2020/NĐ-CP writes them.
/// </summary>
public class DecisionDocumentTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly NominationSteps _steps = new(app);

    private const string Citation = "Đã có thành tích xuất sắc trong thực hiện Quy chế dân chủ ở cơ sở";

    /// <summary>Certificate-of-merit nominations brought to the provincial decision step (all submitted inside the dossier window first).</summary>
    private async Task<Guid[]> AtDecisionAsync(string campaignCode, params (PersonInput? Person, CollectiveInput? Collective)[] nominees)
    {
        var ids = new List<Guid>();
        foreach (var (person, collective) in nominees)
        {
            var id = await app.Send(DemoAccounts.OfficerTanHoa, new CreateNomination(await _steps.CampaignAsync(campaignCode), DemoCatalog.CertificateOfMerit,
                person is null ? NomineeKind.Collective : NomineeKind.Individual, person, collective, "Thành tích xuất sắc trong phong trào."));
            await _steps.AttachRequiredDocumentsAsync(id);
            await app.Send(DemoAccounts.OfficerTanHoa, new SubmitNomination(id, null));
            await _steps.ApproveByWholeCommitteeAsync(id);
            ids.Add(id);
        }
        foreach (var id in ids)
        {
            await _steps.EndDisclosureAsync(id);
            await _steps.ActAsync(DemoAccounts.Appraiser, id, "forward", "Đủ điều kiện.");
        }
        return [.. ids];
    }

    private async Task<Guid> AtDecisionAsync(string campaignCode, PersonInput? person, CollectiveInput? collective) =>
        (await AtDecisionAsync(campaignCode, (person, collective))).Single();

    private Task<DecisionIssued> DecideAsync(string number, DateOnly date, string signer, string title, params Guid[] ids) =>
        app.SendOnDecisionDay(DemoAccounts.Leader, new IssueDecision(number, date, signer, title, Citation, ids));

    [Fact]
    public async Task A_decision_before_1_July_2025_cites_Decree_98_and_one_after_cites_Decree_152_with_the_authority_signature_wording_and_dates_of_its_day()
    {
        // Dân vận khéo 2024: a woman, decided on 30/06/2025 by a vice-chairman.
        app.Clock.Set(TestClock.At(2024, 11, 20));
        var duyen = await AtDecisionAsync("PT-2024-DVK", new PersonInput("Trần Thị Mỹ Duyên", Gender.Female, 1986, "Công chức"), null);
        var before = await DecideAsync("07/QĐ-UBND", new DateOnly(2025, 6, 30), "Lê Thị Hạnh", "Phó Chủ tịch UBND tỉnh", duyen);
        var old = await app.Send(DemoAccounts.Leader, new GetDecision(before.DecisionId));

        old.Number.Should().Be("07/QĐ-UBND");
        old.IssuerHeading.Should().Be("ỦY BAN NHÂN DÂN TỈNH LAM GIANG");
        old.AuthorityLine.Should().Be("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAM GIANG");
        old.PlaceAndDate.Should().Be("Lam Giang, ngày 30 tháng 6 năm 2025");
        old.LegalBasis.Should().Equal(
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;");
        old.SignerCapacity.Should().Be(SignerCapacity.Deputy);
        old.SignatureLines.Should().Equal("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH");
        old.Awardees.Single().ListedName.Should().Be("Bà Trần Thị Mỹ Duyên");
        old.ArticleOne.Should().StartWith("Tặng Bằng khen của Chủ tịch UBND tỉnh cho bà Trần Thị Mỹ Duyên, ")
            .And.EndWith(", đã có thành tích xuất sắc trong thực hiện Quy chế dân chủ ở cơ sở.");

        // 2026: one collective, a man and a woman, decided on 05/01/2027 by the chairman.
        app.Clock.Set(TestClock.At(2026, 12, 1));
        var ids = await AtDecisionAsync(DemoCatalog.CurrentThematicCampaign,
            (null, new CollectiveInput("Tổ dân phố số 3", 20, 10, 16)),
            (new PersonInput("Lê Văn Khải", Gender.Male, 1975, "Trưởng thôn"), null),
            (new PersonInput("Phạm Thị Lan", Gender.Female, 1990, "Công chức"), null));
        var after = await DecideAsync("05/QĐ-UBND", new DateOnly(2027, 1, 5), "Ngô Đức Mạnh", "Chủ tịch UBND tỉnh", ids);
        var current = await app.Send(DemoAccounts.Leader, new GetDecision(after.DecisionId));

        current.PlaceAndDate.Should().Be("Lam Giang, ngày 05 tháng 01 năm 2027");
        current.LegalBasis.Should().HaveCount(2).And.Contain(l => l.StartsWith("Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ"))
            .And.NotContain(l => l.Contains("98/2023"));
        current.SignatureLines.Should().Equal("CHỦ TỊCH");
        current.Subject.Should().Be("Về việc tặng Bằng khen của Chủ tịch UBND tỉnh");
        current.ArticleOne.Should().Be("Tặng Bằng khen của Chủ tịch UBND tỉnh cho 01 tập thể và 02 cá nhân có tên trong danh sách sau, "
                                       + "đã có thành tích xuất sắc trong thực hiện Quy chế dân chủ ở cơ sở:");
        current.Awardees.Select(a => a.ListedName).Should().Equal("Tổ dân phố số 3", "Ông Lê Văn Khải", "Bà Phạm Thị Lan");
        current.Awardees.Should().OnlyContain(a => a.CertificateTitle == "BẰNG KHEN");

        // The earlier decision still prints what was in force on its own date.
        (await app.Send(DemoAccounts.Leader, new GetDecision(before.DecisionId))).LegalBasis.Should().Contain(l => l.Contains("98/2023/NĐ-CP"));

        // Its certificates carry the award form's title, the authority in full and the signature block of its signer.
        var certificates = await app.Send(DemoAccounts.Leader, new GetCertificates(after.DecisionId));
        certificates.Should().HaveCount(3).And.OnlyContain(c => c.Title == "BẰNG KHEN" && !c.CertifiesTitle
            && c.AuthorityLine == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAM GIANG" && c.PlaceAndDate == "Lam Giang, ngày 05 tháng 01 năm 2027");
        certificates.Select(c => c.ListedName).Should().Equal("Tổ dân phố số 3", "Ông Lê Văn Khải", "Bà Phạm Thị Lan");

        // The nomination page links to the certificate of its line.
        var page = await app.Send(DemoAccounts.OfficerTanHoa, new GetNomination(ids[1]));
        page.Certificate.Should().Be(new AwardCertificateLink(after.DecisionId, current.Awardees[1].AwardRecordId!.Value, current.Awardees[1].RegisterNumber!, "BẰNG KHEN"));
    }

    [Fact]
    public async Task A_number_below_10_without_its_leading_zero_is_refused_on_the_field_and_nothing_is_decided()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        var id = await AtDecisionAsync(DemoCatalog.CurrentThematicCampaign, new PersonInput("Đỗ Văn Tùng", Gender.Male, 1980, "Công chức"), null);

        foreach (var (typed, expected) in new[] { ("5/QĐ-UBND", "05/QĐ-UBND"), ("005/QĐ-UBND", "05/QĐ-UBND"), ("015/QĐ-UBND", "15/QĐ-UBND") })
        {
            var issue = () => DecideAsync(typed, new DateOnly(2027, 1, 6), "Ngô Đức Mạnh", "Chủ tịch UBND tỉnh", id);
            var refusal = (await issue.Should().ThrowAsync<InputException>()).Which;
            refusal.Errors.Should().ContainKey("number");
            refusal.Errors["number"].Should().ContainSingle(m => m.Contains("Nghị định 30/2020/NĐ-CP") && m.Contains($"viết {expected}"));
        }
        (await app.Send(DemoAccounts.Leader, new GetNomination(id))).Status.Should().Be(NominationStatus.InReview);
        await using (var db = app.CreateDbContext())
            (await db.Decisions.AnyAsync(d => d.Number.StartsWith("5/") || d.Number.StartsWith("005/") || d.Number.StartsWith("015/"))).Should().BeFalse();

        var issued = await DecideAsync("09/QĐ-UBND", new DateOnly(2027, 1, 6), "Ngô Đức Mạnh", "Chủ tịch UBND tỉnh", id);
        issued.Number.Should().Be("09/QĐ-UBND");
    }

    [Fact]
    public async Task An_administrator_adds_an_authority_version_and_a_legal_instrument_that_only_decisions_dated_from_then_print()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        var both = await AtDecisionAsync(DemoCatalog.CurrentThematicCampaign,
            (new PersonInput("Vũ Thị Thu", Gender.Female, 1985, "Công chức"), null), (new PersonInput("Hoàng Văn Nam", Gender.Male, 1979, "Công chức"), null));
        var (first, second) = (both[0], both[1]);

        // Only administrators see or change them; bad input is refused on its field.
        var leader = () => app.Send(DemoAccounts.Leader, new ListSigningAuthorities());
        await leader.Should().ThrowAsync<ForbiddenException>();
        var officer = () => app.Send(DemoAccounts.OfficerTanHoa, new SaveLegalInstrument(null, LegalInstrumentKind.Circular, "Thông tư", "01/2027/TT-BNV",
            new DateOnly(2027, 1, 20), "Bộ Nội vụ", "hướng dẫn", new DateOnly(2027, 2, 1), null, 30, null));
        await officer.Should().ThrowAsync<ForbiddenException>();
        var lowerCase = () => app.Send(DemoAccounts.Admin, new AddSigningAuthority(new DateOnly(2027, 2, 1), "ỦY BAN NHÂN DÂN TỈNH LAM GIANG", "Lam Giang",
            "Chủ tịch Ủy ban nhân dân tỉnh Lam Giang", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Theo đề nghị của Giám đốc Sở Nội vụ.", "Thi hành.", ["Lưu: VT."]));
        (await lowerCase.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("authorityLine");
        var tooEarly = () => app.Send(DemoAccounts.Admin, new AddSigningAuthority(new DateOnly(2019, 1, 1), "ỦY BAN NHÂN DÂN TỈNH LAM GIANG", "Lam Giang",
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAM GIANG", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Theo đề nghị của Giám đốc Sở Nội vụ.", "Thi hành.", ["Lưu: VT."]));
        (await tooEarly.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("effectiveFrom");

        await app.Send(DemoAccounts.Admin, new AddSigningAuthority(new DateOnly(2027, 2, 1), "ỦY BAN NHÂN DÂN TỈNH LAM GIANG", "Lam Giang",
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAM GIANG", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Theo đề nghị của Trưởng Ban Thi đua - Khen thưởng tỉnh.",
            "Chánh Văn phòng Ủy ban nhân dân tỉnh và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
            ["Như Điều 3;", "Ban Thi đua - Khen thưởng tỉnh;", "Lưu: VT."]));
        await app.Send(DemoAccounts.Admin, new SaveLegalInstrument(null, LegalInstrumentKind.Circular, "Thông tư", "01/2027/TT-BNV", new DateOnly(2027, 1, 20),
            "Bộ Nội vụ", "hướng dẫn thực hiện công tác thi đua, khen thưởng", new DateOnly(2027, 2, 1), null, 30, "Thử nghiệm"));
        var versions = await app.Send(DemoAccounts.Admin, new ListSigningAuthorities());
        versions.Select(v => (v.EffectiveFrom, v.EffectiveUntil)).Should().Equal((new DateOnly(2020, 1, 1), new DateOnly(2027, 1, 31)), (new DateOnly(2027, 2, 1), (DateOnly?)null));
        versions[^1].DeputySignature.Should().Equal("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH");

        var january = await DecideAsync("31/QĐ-UBND", new DateOnly(2027, 1, 29), "Ngô Đức Mạnh", "Chủ tịch UBND tỉnh", first);
        var february = await DecideAsync("42/QĐ-UBND", new DateOnly(2027, 2, 2), "Lê Thị Hạnh", "Phó Chủ tịch UBND tỉnh", second);

        var old = await app.Send(DemoAccounts.Leader, new GetDecision(january.DecisionId));
        old.ProposalLine.Should().Be("Theo đề nghị của Giám đốc Sở Nội vụ.");
        old.Recipients.Should().Equal("Như Điều 3;", "Chủ tịch, các Phó Chủ tịch UBND tỉnh;", "Lưu: VT, SNV.");
        old.LegalBasis.Should().NotContain(l => l.Contains("01/2027/TT-BNV"));
        var now = await app.Send(DemoAccounts.Leader, new GetDecision(february.DecisionId));
        now.ProposalLine.Should().Be("Theo đề nghị của Trưởng Ban Thi đua - Khen thưởng tỉnh.");
        now.Recipients.Should().Equal("Như Điều 3;", "Ban Thi đua - Khen thưởng tỉnh;", "Lưu: VT.");
        now.LegalBasis[^1].Should().Be("Căn cứ Thông tư số 01/2027/TT-BNV ngày 20 tháng 01 năm 2027 của Bộ Nội vụ hướng dẫn thực hiện công tác thi đua, khen thưởng;");
        now.SignatureLines.Should().Equal("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH");
        now.PlaceAndDate.Should().Be("Lam Giang, ngày 02 tháng 02 năm 2027");
    }
}
