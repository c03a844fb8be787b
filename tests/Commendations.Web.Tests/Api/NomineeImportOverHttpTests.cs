using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using S = Commendations.Web.Tests.Api.NomineeListSheet;

namespace Commendations.Web.Tests.Api;

/// <summary>
/// Issue 22, item 2: a unit fills the campaign's Excel template and uploads it. A file with problems in several rows is
/// previewed with every problem by row and column, and committing it imports nothing; a clean file imports every row as a
/// draft nomination, read back through the API; a nominee already in the registry for the same award is refused.
/// </summary>
public class NomineeImportOverHttpTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private const string Merit = "Bằng khen của Chủ tịch UBND tỉnh";
    private readonly ApiJourney _journey = new(app);

    private async Task<byte[]> TemplateAsync(Guid campaign)
    {
        var response = await (await app.As(DemoAccounts.OfficerTanHoa)).GetAsync($"/api/campaigns/{campaign}/imports/template");
        await ApiJourney.Expect(response, HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static MultipartFormDataContent Upload(byte[] bytes, string fileName = "danh-sach.xlsx")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private async Task<HttpResponseMessage> PostAsync(Guid campaign, byte[] file, bool commit, DemoAccounts.Account? who = null, string? language = null, string fileName = "danh-sach.xlsx")
    {
        var client = await app.As(who ?? DemoAccounts.OfficerTanHoa);
        if (language is not null)
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return await client.PostAsync($"/api/campaigns/{campaign}/imports?commit={(commit ? "true" : "false")}", Upload(file, fileName));
    }

    private async Task<int> NominationCountAsync(Guid campaign)
    {
        await using var db = _journey.CreateDbContext();
        return await db.Nominations.CountAsync(n => n.CampaignId == campaign);
    }

    [Fact]
    public async Task A_file_with_problems_in_several_rows_lists_every_problem_by_row_and_column_and_imports_nothing()
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var campaign = await _journey.CurrentCampaignAsync();
        var file = S.Fill(await TemplateAsync(campaign),
        [
            S.Person(1, Merit, "Trần Thị Mai", "Nữ", 1988, "Công chức Văn phòng – Thống kê", "Số hóa 2.000 hồ sơ một cửa."),
            S.Person(2, Merit, "Lê Văn Hùng", "Nam", "một chín tám lăm", "Trưởng thôn Đông", "Vận động hiến 1.200 m² đất làm đường."),
            S.Person(3, Merit, "Phạm Thu Hà", null, 1990, "Chuyên viên", ""),
            S.Collective(4, Merit, "Thôn Tây", 40, 55, 30, "Thôn văn hóa tiêu biểu."),
            S.Person(5, Merit, "  trần thị  MAI ", "Nữ", 1988, "Công chức", "Trùng người ở dòng 2."),
            S.Person(6, "Huân chương Sao Vàng", "Ngô Văn Tư", "Nam", 1970, "Bí thư Chi bộ", "Thành tích xuất sắc."),
        ]);
        var before = await NominationCountAsync(campaign);

        var preview = await PostAsync(campaign, file, commit: false);
        await ApiJourney.Expect(preview, HttpStatusCode.OK);
        var body = (await preview.Content.ReadFromJsonAsync<JsonObject>())!;
        body["rowCount"]!.GetValue<int>().Should().Be(6);
        body["imported"]!.GetValue<bool>().Should().BeFalse();
        var problems = body["problems"]!.AsArray().Select(p => (Row: p!["row"]!.GetValue<int>(), Field: (string)p["field"]!, Message: (string)p["message"]!)).ToList();
        problems.Select(p => (p.Row, p.Field)).Should().BeEquivalentTo(new[]
        {
            (3, "birthYear"), (4, "gender"), (4, "achievementSummary"), (5, "women"), (6, "name"), (7, "awardForm"),
        });
        problems.Should().Contain(p => p.Message.StartsWith("Dòng 3, cột “Năm sinh”: ") && p.Message.Contains("một chín tám lăm"));
        problems.Should().Contain(p => p.Message.StartsWith("Dòng 4, cột “Giới tính”: "));
        problems.Should().Contain(p => p.Message.StartsWith("Dòng 6, cột “Họ và tên / Tên tập thể”: ") && p.Message.Contains("dòng 2"));
        problems.Should().Contain(p => p.Message.StartsWith("Dòng 7, cột “Hình thức khen thưởng”: ") && p.Message.Contains("Huân chương Sao Vàng"));
        body["rows"]!.AsArray().Where(r => r!["hasProblems"]!.GetValue<bool>()).Select(r => r!["row"]!.GetValue<int>()).Should().Equal(3, 4, 5, 6, 7);

        var english = (await (await PostAsync(campaign, file, commit: false, language: "en-GB")).Content.ReadFromJsonAsync<JsonObject>())!;
        english["problems"]!.AsArray().Select(p => (string)p!["message"]!).Should().Contain(m => m.StartsWith("Row 3, column “Year of birth”: A whole number is needed"));

        var commit = await PostAsync(campaign, file, commit: true);
        await ApiJourney.Expect(commit, HttpStatusCode.BadRequest);
        var problem = await ApiJourney.Problem(commit);
        ((string)problem["code"]!).Should().Be("invalid-input");
        problem["errors"]!.AsObject().Select(e => e.Key).Should().Contain(["rows[3].birthYear", "rows[4].gender", "rows[5].women", "rows[6].name", "rows[7].awardForm"]);
        (await NominationCountAsync(campaign)).Should().Be(before, "nothing is imported while any row has a problem");
    }

    [Fact]
    public async Task A_clean_file_imports_every_row_as_a_draft_of_the_officers_unit_read_back_through_the_api()
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var campaign = await _journey.CurrentCampaignAsync();
        var file = S.Fill(await TemplateAsync(campaign),
        [
            S.Person(1, Merit, "Đoàn Minh Khoa", "Nam", 1979, "Phó Chủ tịch UBND xã", "Chỉ đạo chuyển đổi số cấp xã."),
            S.Person(2, Merit, "Hà Thị Ngọc", "Nữ", 1994, "Công chức Tư pháp – Hộ tịch", "Giải quyết 100% hồ sơ đúng hạn."),
            S.Collective(3, Merit, "Hội Liên hiệp Phụ nữ xã Tân Hòa", 35, 35, 30, "Mô hình “Phụ nữ tham gia giám sát cộng đồng”."),
        ]);

        var preview = (await (await PostAsync(campaign, file, commit: false)).Content.ReadFromJsonAsync<JsonObject>())!;
        preview["problems"]!.AsArray().Should().BeEmpty();
        var response = await PostAsync(campaign, file, commit: true);
        await ApiJourney.Expect(response, HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var ids = body["nominationIds"]!.AsArray().Select(i => i!.GetValue<Guid>()).ToList();
        ids.Should().HaveCount(3);

        var first = await _journey.DetailAsync(ids[0]);
        ((string)first["nomineeName"]!).Should().Be("Đoàn Minh Khoa");
        ((string)first["achievementSummary"]!).Should().Be("Chỉ đạo chuyển đổi số cấp xã.");
        ((int)first["person"]!["birthYear"]!).Should().Be(1979);
        ((string)first["status"]!).Should().Be("Draft");
        var collective = await _journey.DetailAsync(ids[2]);
        ((string)collective["nomineeName"]!).Should().Be("Hội Liên hiệp Phụ nữ xã Tân Hòa");
        ((int)collective["collective"]!["headcount"]!).Should().Be(35);
        ((string)collective["kind"]!).Should().Be("Collective");

        var otherUnit = await (await app.As(DemoAccounts.OfficerDongXuyen)).GetAsync($"/api/nominations/{ids[0]}");
        otherUnit.StatusCode.Should().Be(HttpStatusCode.NotFound, "another unit's officer does not see the imported drafts");

        // The same file again: every row is now a duplicate of the unit's own drafts, and nothing more is imported.
        var again = (await (await PostAsync(campaign, file, commit: false)).Content.ReadFromJsonAsync<JsonObject>())!;
        again["problems"]!.AsArray().Select(p => p!["row"]!.GetValue<int>()).Should().Equal(2, 3, 4);

        await using var db = _journey.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == "nominee-list.imported" && e.Data.Contains(ids[0].ToString()));
        audit.Data.Should().Contain("danh-sach.xlsx");
    }

    [Fact]
    public async Task An_imported_draft_is_indistinguishable_from_one_created_through_the_api()
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var campaign = await _journey.CurrentCampaignAsync();
        var typed = await _journey.CreateAsync(new
        {
            campaignId = campaign, awardFormCode = DemoCatalog.CertificateOfMerit, kind = "Individual",
            person = new { fullName = "Lò Văn Pấng", gender = "Male", birthYear = 1983, position = "Trưởng bản Nà Hẩu" },
            achievementSummary = "Vận động 40 hộ trồng rừng.",
        });
        var file = S.Fill(await TemplateAsync(campaign), [S.Person(1, Merit, "Lò Thị Xuân", "Nữ", 1990, "Phó trưởng bản", "Vận động 40 hộ trồng rừng.")]);
        var response = await PostAsync(campaign, file, commit: true);
        await ApiJourney.Expect(response, HttpStatusCode.Created);
        var imported = (await response.Content.ReadFromJsonAsync<JsonObject>())!["nominationIds"]!.AsArray().Single()!.GetValue<Guid>();

        var (viaApi, viaImport) = (await DraftShapeAsync(typed), await DraftShapeAsync(imported));
        viaImport.Should().BeEquivalentTo(viaApi, o => o.WithStrictOrdering(), "an imported row is drafted exactly as the API drafts one");
        viaApi.Tasks.Should().ContainSingle().Which.Reminders.Should().NotBeEmpty("the draft's proposal task has its deadline and reminders");
        viaApi.Audit.Select(a => a.Action).Should().StartWith("nomination.created");
    }

    /// <summary>What a person relies on in a new draft, without its ids: status, route, tasks with due dates and reminders, the audit trail.</summary>
    private async Task<DraftShape> DraftShapeAsync(Guid id)
    {
        await using var db = _journey.CreateDbContext();
        var nomination = await db.Nominations.AsNoTracking().SingleAsync(n => n.Id == id);
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.NominationId == id);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.NominationId == id).OrderBy(t => t.Sequence).ToListAsync();
        var reminders = await db.TaskReminders.AsNoTracking().Where(r => r.NominationId == id).ToListAsync();
        var escalations = await db.TaskEscalations.AsNoTracking().Where(e => e.NominationId == id).ToListAsync();
        var stream = Commendations.Audit.AuditTrail.NominationStream(id);
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.Stream == stream).OrderBy(e => e.Sequence)
            .Select(e => new AuditShape(e.Sequence, e.Action, e.StepKey, e.ActorId, e.At)).ToListAsync();
        var person = await db.People.AsNoTracking().SingleAsync(p => p.Id == nomination.PersonId);
        return new DraftShape(nomination.Status.ToString(), nomination.CurrentStep, nomination.Round, nomination.UnitId, nomination.CreatedBy,
            nomination.CreatedAt, person.IdentityId == person.Id, instance.DefinitionId, instance.DefinitionVersion, instance.CurrentStep, instance.IsCompleted,
            tasks.Select(t => new TaskShape(t.TaskKey, t.StepKey, t.Round, t.AssigneeUserId, t.AssigneeRole, t.AssigneeUnitId, t.OpenedAt, t.DueAt,
                t.ReminderTimes, t.EscalateAt, t.Status.ToString(),
                reminders.Where(r => r.TaskKey == t.TaskKey).Select(r => r.RemindAt).Order().ToList(),
                escalations.Count(e => e.TaskKey == t.TaskKey))).ToList(),
            audit);
    }

    private sealed record DraftShape(string Status, string? Step, int Round, Guid Unit, Guid CreatedBy, DateTimeOffset CreatedAt, bool NewIdentity,
        string Route, int RouteVersion, string? RouteStep, bool RouteCompleted, List<TaskShape> Tasks, List<AuditShape> Audit);

    private sealed record TaskShape(string Key, string Step, int Round, Guid? User, string? Role, Guid? Unit, DateTimeOffset OpenedAt, DateTimeOffset DueAt,
        List<DateTimeOffset> ReminderTimes, DateTimeOffset? EscalateAt, string Status, List<DateTimeOffset> Reminders, int Escalations);

    private sealed record AuditShape(long Sequence, string Action, string? Step, Guid Actor, DateTimeOffset At);

    [Fact]
    public async Task A_person_in_two_rows_and_a_person_the_unit_already_proposed_keep_one_identity_each_so_past_titles_count()
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var earlier = await _journey.CreateAsync(new
        {
            campaignId = await _journey.CurrentCampaignAsync(), awardFormCode = DemoCatalog.CertificateOfMerit, kind = "Individual",
            person = new { fullName = "Hoàng Văn Định", gender = "Male", birthYear = 1975, position = "Trưởng thôn Bắc" },
            achievementSummary = "Vận động làm 3 km đường bê tông.",
        });
        Guid campaign;
        string fighterName;
        await using (var db = _journey.CreateDbContext())
        {
            var merit = await db.AwardForms.SingleAsync(a => a.Code == DemoCatalog.CertificateOfMerit);
            var fighter = await db.AwardForms.SingleAsync(a => a.Code == DemoCatalog.ProvincialEmulationFighter);
            fighterName = fighter.Name;
            var entity = new Commendations.Domain.Campaigns.Campaign("PT-NHAP-DD", "Phong trào thử danh tính khi nhập danh sách", Commendations.Domain.Campaigns.CampaignType.Thematic,
                new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31));
            entity.Allow(merit.Id, "bang-khen-chuyen-de", null, null);
            entity.Allow(fighter.Id, "csdt-tinh", null, null);
            db.Campaigns.Add(entity);
            await db.SaveChangesAsync();
            campaign = entity.Id;
        }
        var file = S.Fill(await TemplateAsync(campaign),
        [
            S.Person(1, Merit, "Hoàng Văn  Định", "Nam", 1975, "Trưởng thôn Bắc", "Làm đường."),
            S.Person(2, fighterName, "hoàng văn định", "Nam", 1975, "Trưởng thôn Bắc", "Làm đường."),
            S.Person(3, Merit, "Vi Thị Hoa", "Nữ", 1992, "Y sĩ trạm y tế", "Tiêm chủng đủ 100% trẻ em."),
            S.Person(4, fighterName, "Vi Thị Hoa", "Nữ", 1992, "Y sĩ trạm y tế", "Tiêm chủng đủ 100% trẻ em."),
        ]);
        var response = await PostAsync(campaign, file, commit: true);
        await ApiJourney.Expect(response, HttpStatusCode.Created);
        var ids = (await response.Content.ReadFromJsonAsync<JsonObject>())!["nominationIds"]!.AsArray().Select(i => i!.GetValue<Guid>()).ToList();

        await using var check = _journey.CreateDbContext();
        async Task<(Guid Id, Guid Identity)> PersonOf(Guid nomination) => await check.Nominations.Where(n => n.Id == nomination)
            .Join(check.People, n => n.PersonId, p => p.Id, (n, p) => new ValueTuple<Guid, Guid>(p.Id, p.IdentityId)).SingleAsync();
        var known = await PersonOf(earlier);
        var rows = new List<(Guid Id, Guid Identity)>();
        foreach (var id in ids)
            rows.Add(await PersonOf(id));
        rows[0].Identity.Should().Be(known.Identity, "the unit's one person of that name, sex and birth year is continued");
        rows[1].Identity.Should().Be(known.Identity, "the same person again in a later row of the file");
        rows[2].Identity.Should().Be(rows[2].Id, "a person new to the unit starts an identity");
        rows[3].Identity.Should().Be(rows[2].Id, "and the next row of the same person continues it");
    }

    [Fact]
    public async Task A_failure_while_drafting_row_450_leaves_nothing_of_the_rows_before_it()
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        // A campaign of its own whose second award form is routed on a route never published: every row passes the
        // preview, and the commit fails only when row 450 — the first of that form — starts its route, after four
        // batches of drafts were already written in the import's transaction.
        Guid campaign;
        string fighterName;
        await using (var db = _journey.CreateDbContext())
        {
            var merit = await db.AwardForms.SingleAsync(a => a.Code == DemoCatalog.CertificateOfMerit);
            var fighter = await db.AwardForms.SingleAsync(a => a.Code == DemoCatalog.ProvincialEmulationFighter);
            fighterName = fighter.Name;
            var entity = new Commendations.Domain.Campaigns.Campaign("PT-NHAP-450", "Phong trào thử nhập danh sách dở dang", Commendations.Domain.Campaigns.CampaignType.Thematic,
                new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31));
            entity.Allow(merit.Id, "bang-khen-chuyen-de", null, null);
            entity.Allow(fighter.Id, "quy-trinh-chua-ban-hanh", null, null);
            db.Campaigns.Add(entity);
            await db.SaveChangesAsync();
            campaign = entity.Id;
        }
        var rows = Enumerable.Range(1, 460).Select(i => i == 450
            ? S.Person(i, fighterName, $"Người thứ {i}", "Nam", 1970 + i % 30, "Chuyên viên", "Thành tích.")
            : S.Person(i, Merit, $"Người thứ {i}", i % 2 == 0 ? "Nữ" : "Nam", 1970 + i % 30, "Chuyên viên", "Thành tích."));
        var file = S.Fill(await TemplateAsync(campaign), rows);

        var preview = (await (await PostAsync(campaign, file, commit: false)).Content.ReadFromJsonAsync<JsonObject>())!;
        preview["problems"]!.AsArray().Should().BeEmpty("the failure comes only while drafting");
        var commit = await PostAsync(campaign, file, commit: true);
        await ApiJourney.Expect(commit, HttpStatusCode.Conflict);
        var problem = await ApiJourney.Problem(commit);
        ((string)problem["code"]!).Should().Be("no-published-workflow");
        ((string)problem["detail"]!).Should().Be("Quy trình chưa có phiên bản được ban hành.", "a route never imported has no name to show, and no empty quotes");

        await using var check = _journey.CreateDbContext();
        (await check.Nominations.CountAsync(n => n.CampaignId == campaign)).Should().Be(0, "all or nothing: the 449 drafts before row 450 are gone too");
        (await check.Tasks.CountAsync(t => t.CampaignId == campaign)).Should().Be(0);
        (await check.People.CountAsync(p => p.FullName.StartsWith("Người thứ "))).Should().Be(0);
        (await check.AuditEntries.CountAsync(e => e.Action == "nominee-list.imported" && e.Data.Contains("PT-NHAP-450"))).Should().Be(0);
    }

    [Fact]
    public async Task A_nominee_already_in_the_registry_for_the_same_award_is_refused_as_a_duplicate()
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var campaign = await _journey.CurrentCampaignAsync();
        var id = await _journey.CreateAsync(new
        {
            campaignId = campaign, awardFormCode = DemoCatalog.CertificateOfMerit, kind = "Individual",
            person = new { fullName = "Vương Thị Lựu", gender = "Female", birthYear = 1982, position = "Chủ tịch Hội Nông dân xã" },
            achievementSummary = "Vận động 300 hộ tham gia sản xuất an toàn.",
        });
        await _journey.AttachRequiredAsync(id);
        await _journey.SubmitAsync(id);
        foreach (var member in ApiJourney.Steering)
            await ApiJourney.Expect(await _journey.ActAsync(member, await _journey.TaskInInboxAsync(member, id), "approve"), HttpStatusCode.OK);
        await _journey.EndDisclosureAsync(id);
        await ApiJourney.Expect(await _journey.ActAsync(DemoAccounts.Appraiser, await _journey.TaskInInboxAsync(DemoAccounts.Appraiser, id), "forward"), HttpStatusCode.OK);
        app.Clock.Set(Testing.TestClock.At(2026, 12, 28));
        await ApiJourney.Expect(await (await app.As(DemoAccounts.Leader)).PostAsJsonAsync("/api/decisions", new
        {
            number = "301/QĐ-UBND", date = "2026-12-28", signerName = "Ngô Đức Mạnh", signerTitle = "Chủ tịch UBND tỉnh",
            citation = "Đã có thành tích xuất sắc", nominationIds = new[] { id },
        }), HttpStatusCode.Created);

        // The same person, her name typed differently, for the same award: refused, the registry line named.
        var file = S.Fill(await TemplateAsync(campaign), [S.Person(1, Merit, "VƯƠNG THỊ  LỰU", "Nữ", 1982, "Chủ tịch Hội Nông dân xã", "Đề nghị lại.")]);
        var body = (await (await PostAsync(campaign, file, commit: false)).Content.ReadFromJsonAsync<JsonObject>())!;
        var messages = body["problems"]!.AsArray().Where(p => (string)p!["field"]! == "name").Select(p => (string)p!["message"]!).ToList();
        messages.Should().ContainSingle(m => m.StartsWith("Dòng 2, cột “Họ và tên / Tên tập thể”: Đã được tặng “Bằng khen của Chủ tịch UBND tỉnh” theo Quyết định số 301/QĐ-UBND ngày 28/12/2026"));
        await ApiJourney.Expect(await PostAsync(campaign, file, commit: true), HttpStatusCode.BadRequest);

        // Another person of the same name but another birth year is not the same nominee.
        var namesake = S.Fill(await TemplateAsync(campaign), [S.Person(1, Merit, "Vương Thị Lựu", "Nữ", 1999, "Đoàn viên", "Thành tích khác.")]);
        var other = (await (await PostAsync(campaign, namesake, commit: false)).Content.ReadFromJsonAsync<JsonObject>())!;
        other["problems"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Wrong_files_and_wrong_users_are_refused_with_a_sentence()
    {
        app.Clock.Set(Testing.TestClock.At(2026, 12, 1));
        var campaign = await _journey.CurrentCampaignAsync();
        var template = await TemplateAsync(campaign);

        var pdf = await PostAsync(campaign, ApiJourney.Pdf, commit: false, fileName: "danh-sach.xlsx");
        await ApiJourney.Expect(pdf, HttpStatusCode.BadRequest);
        (await pdf.Content.ReadAsStringAsync()).Should().Contain("không phải bảng tính Excel");
        await ApiJourney.Expect(await PostAsync(campaign, template, commit: false, fileName: "danh-sach.pdf"), HttpStatusCode.BadRequest);

        var empty = await PostAsync(campaign, template, commit: false);
        await ApiJourney.Expect(empty, HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).Should().Contain("chưa có dòng nào");

        var unknownColumn = S.Fill(template, [[1, "Cá nhân", Merit, "Ai đó", "Nam", 1980, "Chuyên viên", null, null, null, "Thành tích.", "Số điện thoại"]]);
        var refused = await PostAsync(campaign, RenameHeader(unknownColumn), commit: false);
        await ApiJourney.Expect(refused, HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("“Ghi chú riêng”");

        var tooMany = S.Fill(template, Enumerable.Range(1, 2001).Select(i => S.Person(i, Merit, $"Người {i}", "Nam", 1980, "Chuyên viên", "Thành tích.")));
        var tooLong = await PostAsync(campaign, tooMany, commit: false);
        await ApiJourney.Expect(tooLong, HttpStatusCode.BadRequest);
        (await tooLong.Content.ReadAsStringAsync()).Should().Contain("2000");

        var clean = S.Fill(template, [S.Person(1, Merit, "Ai đó", "Nam", 1980, "Chuyên viên", "Thành tích.")]);
        foreach (var stranger in new[] { DemoAccounts.Appraiser, DemoAccounts.Leader, DemoAccounts.Admin })
        {
            (await PostAsync(campaign, clean, commit: true, who: stranger)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await (await app.As(stranger)).GetAsync($"/api/campaigns/{campaign}/imports/template")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }
        (await app.AnonymousClient().PostAsync($"/api/campaigns/{campaign}/imports", Upload(clean))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    /// <summary>Adds a header the template does not have (column L), as a unit adding its own notes column would.</summary>
    private static byte[] RenameHeader(byte[] workbook)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, true))
        {
            var part = (DocumentFormat.OpenXml.Packaging.WorksheetPart)document.WorkbookPart!.GetPartById(
                document.WorkbookPart.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First().Id!.Value!);
            var header = part.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().First();
            header.Append(new DocumentFormat.OpenXml.Spreadsheet.Cell
            {
                CellReference = "L1", DataType = DocumentFormat.OpenXml.Spreadsheet.CellValues.InlineString,
                InlineString = new DocumentFormat.OpenXml.Spreadsheet.InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text("Ghi chú riêng")),
            });
            part.Worksheet.Save();
        }
        return stream.ToArray();
    }
}
