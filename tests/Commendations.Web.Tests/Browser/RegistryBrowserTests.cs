using Commendations.Features.Disclosure;
using Commendations.Features.Scheduling;
using Commendations.Seeding;
using Commendations.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>
/// After the decision, in Chromium: the award registry (search, downloads, history, revocation by the leader, refusal for an
/// officer), the secretary's handling of comments from public disclosure, and the eligibility rules' administration.
/// One app for the class; each test sets the clock back to the campaign's dossier window before its set-up.
/// </summary>
public sealed class RegistryBrowserTests(DecisionBrowserFixture app) : IClassFixture<DecisionBrowserFixture>
{
    [BrowserFact]
    public async Task The_leader_finds_awards_in_the_registry_downloads_them_and_revokes_one_which_stays_listed_as_revoked()
    {
        app.TestClock.Set(TestClock.At(2026, 12, 1));
        await Journeys.AwardedCollectivesAsync(app, "301/QĐ-UBND", new DateOnly(2026, 12, 15), "Hợp tác xã Nông nghiệp Tân Hòa", "Trường Tiểu học Tân Hòa");

        var leader = await app.SignInAsync(DemoAccounts.Leader);
        await leader.GetByRole(AriaRole.Link, new() { Name = "Sổ khen thưởng", Exact = true }).ClickAsync();
        await leader.WaitForURLAsync("**/so-khen-thuong");
        await leader.GetByLabel("Số quyết định").FillAsync("301/QĐ-UBND");
        await leader.GetByLabel("Hình thức khen thưởng").SelectOptionAsync(new SelectOptionValue { Label = "Bằng khen của Chủ tịch UBND tỉnh" });
        await leader.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        var lines = leader.Locator("[data-testid=registry-line]");
        await Expect(lines).ToHaveCountAsync(2);
        await Expect(leader.Locator("[data-testid=registry]")).ToContainTextAsync("Hợp tác xã Nông nghiệp Tân Hòa");
        await Expect(leader.Locator("[data-testid=registry]")).ToContainTextAsync("Trường Tiểu học Tân Hòa");
        await Expect(leader.Locator("[data-testid=registry]")).ToContainTextAsync("ngày 15/12/2026");
        await leader.CheckPageAsync("40-registry");

        // The downloads are this search: both awardees, nobody else.
        var csv = await leader.APIRequest.GetAsync(await leader.Locator("[data-testid=export-csv]").GetAttributeAsync("href") ?? "");
        csv.Status.Should().Be(200);
        var text = await csv.TextAsync();
        text.Should().Contain("Hợp tác xã Nông nghiệp Tân Hòa").And.Contain("Trường Tiểu học Tân Hòa").And.Contain("301/QĐ-UBND");
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(3, "a header and the two awards");
        var xlsx = await leader.APIRequest.GetAsync(await leader.Locator("[data-testid=export-xlsx]").GetAttributeAsync("href") ?? "");
        xlsx.Status.Should().Be(200);
        xlsx.Headers["content-type"].Should().Be("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        // A person filter finds no collective.
        await leader.GetByLabel("Cá nhân").FillAsync("Hợp tác xã");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await Expect(lines).ToHaveCountAsync(0);
        await leader.GetByLabel("Cá nhân").FillAsync("");
        await leader.GetByLabel("Tập thể").FillAsync("hợp tác xã");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await Expect(lines).ToHaveCountAsync(1);

        await lines.First.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(leader.Locator("h1")).ToHaveTextAsync("Hợp tác xã Nông nghiệp Tân Hòa");
        await Expect(leader.Locator("[data-testid=history]")).ToContainTextAsync("301/QĐ-UBND");
        await Expect(leader.Locator("[data-testid=line-status]")).ToHaveTextAsync("Hiệu lực");

        // Revocation: without the confirmation nothing happens; with it the line is kept and shown revoked.
        await leader.Locator("[data-testid=revocation] summary").ClickAsync();
        await leader.GetByLabel("Lý do thu hồi").FillAsync("Hồ sơ kê khai số lao động tiên tiến không đúng thực tế.");
        await leader.GetByLabel("Số quyết định thu hồi").FillAsync("45/QĐ-UBND");
        await leader.GetByLabel("Ngày quyết định thu hồi").FillAsync("2027-01-20");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Thu hồi", Exact = true }).ClickAsync();
        await Expect(leader.Locator("[data-valmsg-for='Input.Confirmed']")).Not.ToBeEmptyAsync();
        await Expect(leader.Locator("[data-testid=line-status]")).ToHaveTextAsync("Hiệu lực");
        await Expect(leader.GetByLabel("Lý do thu hồi")).ToHaveValueAsync("Hồ sơ kê khai số lao động tiên tiến không đúng thực tế.");
        await leader.CheckPageAsync("41-registry-revocation");

        await leader.GetByLabel("Tôi xác nhận thu hồi khen thưởng", new() { Exact = false }).CheckAsync();
        await leader.GetByRole(AriaRole.Button, new() { Name = "Thu hồi", Exact = true }).ClickAsync();
        await Expect(leader.Locator(".flash")).ToContainTextAsync("Đã ghi nhận thu hồi khen thưởng.");
        await Expect(leader.Locator("[data-testid=line-status]")).ToContainTextAsync("Đã thu hồi theo quyết định 45/QĐ-UBND ngày 20/01/2027");
        await Expect(leader.Locator("[data-testid=revocation-reason]")).ToHaveTextAsync("Hồ sơ kê khai số lao động tiên tiến không đúng thực tế.");
        await Expect(leader.Locator("[data-testid=revocation]")).ToHaveCountAsync(0);

        // Still in the registry, marked revoked; gone when only awards in force are asked for.
        await leader.GotoAsync("/so-khen-thuong?decision=301%2FQĐ-UBND");
        await Expect(lines).ToHaveCountAsync(2);
        await Expect(lines.Filter(new() { HasText = "Hợp tác xã Nông nghiệp Tân Hòa" }).Locator("[data-testid=revoked]")).ToHaveTextAsync("Đã thu hồi");
        await leader.GetByLabel("Tình trạng").SelectOptionAsync("false");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await Expect(lines).ToHaveCountAsync(1);
        await Expect(lines.First).ToContainTextAsync("Trường Tiểu học Tân Hòa");

        // A year out of range is refused next to its field; the page still works in English.
        await leader.GotoAsync("/so-khen-thuong?year=1800");
        await Expect(leader.Locator("[data-valmsg-for=Year]")).Not.ToBeEmptyAsync();
        await Expect(lines).ToHaveCountAsync(0);
        await leader.GetByTestId("language-switch").ClickAsync();
        await Expect(leader.Locator("h1")).ToHaveTextAsync("Award registry");
        await leader.GetByTestId("language-switch").ClickAsync();
        await Expect(leader.Locator("h1")).ToHaveTextAsync("Sổ khen thưởng");

        // The campaign's nomination list downloads from the nomination list once a campaign is chosen.
        await leader.GotoAsync("/de-nghi");
        await leader.GetByLabel("Phong trào").SelectOptionAsync(new SelectOptionValue { Label = $"{DemoCatalog.CurrentThematicCampaign} – Thi đua thực hiện Quy chế dân chủ ở cơ sở năm 2026" });
        var campaignCsv = leader.Locator("[data-testid=campaign-export] a").Filter(new() { HasText = "CSV" });
        await Expect(campaignCsv).ToBeVisibleAsync();
        var list = await leader.APIRequest.GetAsync(await campaignCsv.GetAttributeAsync("href") ?? "");
        list.Status.Should().Be(200);
        (await list.TextAsync()).Should().Contain("Hợp tác xã Nông nghiệp Tân Hòa").And.Contain("Trường Tiểu học Tân Hòa");

        // An officer reads the registry but has no revocation form; a forged post is refused and changes nothing.
        var officer = await app.SignInAsync(DemoAccounts.OfficerTanHoa);
        await officer.GetByRole(AriaRole.Link, new() { Name = "Sổ khen thưởng", Exact = true }).ClickAsync();
        await officer.GetByLabel("Số quyết định").FillAsync("301/QĐ-UBND");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Tìm", Exact = true }).ClickAsync();
        await officer.Locator("[data-testid=registry-line]").Filter(new() { HasText = "Trường Tiểu học Tân Hòa" }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(officer.Locator("h1")).ToHaveTextAsync("Trường Tiểu học Tân Hòa");
        await Expect(officer.Locator("[data-testid=revocation]")).ToHaveCountAsync(0);
        await officer.CheckPageAsync("42-registry-history");
        var token = await officer.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
        var form = officer.Context.APIRequest.CreateFormData();
        form.Set("__RequestVerificationToken", token);
        form.Set("Input.Reason", "Thử thu hồi.");
        form.Set("Input.RevokingDecisionNumber", "46/QĐ-UBND");
        form.Set("Input.Date", "2027-01-21");
        form.Set("Input.Confirmed", "true");
        var refused = await officer.Context.APIRequest.PostAsync(officer.Url + "?handler=Revoke", new() { Form = form });
        refused.Status.Should().Be(403);
        System.Net.WebUtility.HtmlDecode(await refused.TextAsync()).Should().Contain("Chỉ quản trị hệ thống hoặc lãnh đạo UBND tỉnh được thu hồi khen thưởng.");
        await officer.ReloadAsync();
        await Expect(officer.Locator("[data-testid=line-status]")).ToHaveTextAsync("Hiệu lực");
    }
    [BrowserFact]
    public async Task The_secretary_resolves_a_complaint_that_paused_a_nomination_and_the_nomination_goes_on_to_appraisal()
    {
        app.TestClock.Set(TestClock.At(2026, 12, 1));
        var id = await Journeys.SubmittedCollectiveAsync(app, "Thôn Bến Đình, xã Tân Hòa");
        await Journeys.ApprovedByCommitteeAsync(app, id);
        await app.SendAs(null, new SendDisclosureComment(id, "Trần Văn Hùng", "0912 345 678",
            "Thôn còn để xảy ra tranh chấp đất đai kéo dài chưa giải quyết.", true, null, app.TestClock.GetUtcNow().AddMinutes(-5), "127.0.0.1"));
        await Journeys.PastDisclosureAsync(app, id);
        (await app.SendAs(null, new ElapseWait(id, "public-disclosure"))).Should().BeFalse("an open complaint pauses the nomination");

        var secretary = await app.SignInAsync(DemoAccounts.SteeringStandingMember);
        await secretary.GetByRole(AriaRole.Link, new() { Name = "Ý kiến công khai", Exact = true }).ClickAsync();
        await secretary.WaitForURLAsync("**/y-kien-cong-khai");
        var group = secretary.Locator("[data-testid=comment-group]").Filter(new() { HasText = "Thôn Bến Đình, xã Tân Hòa" });
        await Expect(group.Locator("[data-testid=paused]")).ToHaveTextAsync("Hồ sơ đang tạm dừng: có khiếu nại chưa giải quyết.");
        var comment = group.Locator("[data-testid=comment]");
        await Expect(comment.Locator("[data-testid=comment-kind]")).ToHaveTextAsync("Khiếu nại");
        await Expect(comment.Locator("[data-testid=comment-text]")).ToHaveTextAsync("Thôn còn để xảy ra tranh chấp đất đai kéo dài chưa giải quyết.");
        await Expect(comment).ToContainTextAsync("Trần Văn Hùng");
        await Expect(comment).ToContainTextAsync("0912 345 678");
        await Expect(comment).ToContainTextAsync("Nhận lúc 01/12/2026");
        await secretary.CheckPageAsync("43-disclosure-comments");

        // The nomination page shows the pause to reviewers, with the eligibility check stored at submission.
        await group.GetByRole(AriaRole.Link, new() { Name = "Thôn Bến Đình, xã Tân Hòa" }).ClickAsync();
        await Expect(secretary.Locator("[data-testid=next-step]")).ToContainTextAsync("Tạm dừng");
        await Expect(secretary.Locator("[data-testid=disclosure-comments] [data-testid=paused]")).ToBeVisibleAsync();
        await Expect(secretary.Locator("[data-testid=eligibility-overall]")).ToHaveTextAsync("Cần kiểm tra");
        // A thematic campaign's certificate of merit is checked by the campaign's own criterion, with its article.
        await Expect(secretary.Locator("[data-testid=eligibility-rules]")).ToContainTextAsync("Có thành tích xuất sắc được bình xét trong phong trào thi đua theo chuyên đề do tỉnh phát động");
        await Expect(secretary.Locator("[data-testid=eligibility-rules] [data-testid=rule-citation]").First).ToHaveTextAsync("Điều 74 Luật Thi đua, khen thưởng 2022");
        await Expect(secretary.Locator("[data-testid=eligibility-rules]")).Not.ToContainTextAsync("70 %");
        await Expect(secretary.Locator("[data-testid=eligibility-rules]")).ToContainTextAsync("Đạt");
        await secretary.CheckPageAsync("44-nomination-paused");
        await secretary.GoBackAsync();

        // Resolved without saying how: refused, nothing recorded.
        await comment.GetByLabel("Đã giải quyết xong").CheckAsync();
        await comment.GetByRole(AriaRole.Button, new() { Name = "Lưu xử lý" }).ClickAsync();
        await Expect(comment.Locator(".field-error")).Not.ToBeEmptyAsync();
        await Expect(group.Locator("[data-testid=paused]")).ToBeVisibleAsync();

        await comment.GetByLabel("Kết quả xử lý").FillAsync("Đã xác minh: tranh chấp đã được UBND xã hòa giải thành ngày 05/12/2026; khiếu nại không có cơ sở.");
        await comment.GetByLabel("Đã giải quyết xong").CheckAsync();
        await comment.GetByRole(AriaRole.Button, new() { Name = "Lưu xử lý" }).ClickAsync();
        await Expect(secretary.Locator(".flash")).ToContainTextAsync("hồ sơ tiếp tục sang bước \"Thẩm định\"");
        await Expect(group.Locator("[data-testid=paused]")).ToHaveCountAsync(0);
        await Expect(comment.Locator("[data-testid=handling]")).ToContainTextAsync("hòa giải thành");
        await Expect(group.Locator("[data-testid=group-step]")).ToHaveTextAsync("Thẩm định");

        // Only secretaries (and administrators) handle comments.
        var officer = await app.SignInAsync(DemoAccounts.OfficerTanHoa);
        await Expect(officer.GetByRole(AriaRole.Link, new() { Name = "Ý kiến công khai", Exact = true })).ToHaveCountAsync(0);
        var response = await officer.GotoAsync("/y-kien-cong-khai");
        response!.Status.Should().Be(403);
        await Expect(officer.Locator("[data-testid=refused]")).ToBeVisibleAsync();
    }
    [BrowserFact]
    public async Task An_administrator_adds_an_eligibility_rule_version_with_its_effective_date_and_bad_input_saves_nothing()
    {
        var admin = await app.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("/quan-tri");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Tiêu chuẩn khen thưởng" }).ClickAsync();
        await admin.WaitForURLAsync("**/quan-tri/tieu-chuan");
        // The 70 % advanced-worker rule belongs to Tập thể lao động xuất sắc (Law 06/2022/QH15, Art. 27): versions from
        // 01/01/2024 (Decree 98/2023/NĐ-CP) and 01/07/2025 (Decree 152/2025/NĐ-CP), latest first.
        var excellent = admin.Locator($"[data-testid=rules-{DemoCatalog.ExcellentLabourCollective}]");
        var versions = excellent.Locator("[data-testid=version]");
        await Expect(versions).ToHaveCountAsync(2);
        await Expect(versions.First).ToContainTextAsync("01/07/2025");
        await Expect(versions.First).ToContainTextAsync("Số lao động tiên tiến / Số thành viên ≥ 70 %");
        await Expect(versions.First).Not.ToContainTextAsync("advancedWorkerCount", new() { Timeout = 1000 });
        await Expect(versions.First).ToContainTextAsync("Điều 27 Luật Thi đua, khen thưởng 2022");
        await Expect(versions.Nth(1)).ToContainTextAsync("01/01/2024");
        await Expect(admin.Locator($"[data-testid=rules-{DemoCatalog.CertificateOfMerit}]")).Not.ToContainTextAsync("≥ 70 %");
        // Facts and award forms by their names, never their codes.
        await Expect(admin.Locator($"[data-testid=rules-{DemoCatalog.ProvincialEmulationFighter}]")).ToContainTextAsync("Chiến sĩ thi đua cơ sở, 3 năm liên tục");

        // The form starts from the latest version of the chosen award form, one fieldset per rule and an empty one.
        await excellent.GetByRole(AriaRole.Link, new() { Name = "Thêm phiên bản mới từ phiên bản mới nhất" }).ClickAsync();
        await Expect(admin.GetByLabel("Hình thức khen thưởng")).ToHaveValueAsync(DemoCatalog.ExcellentLabourCollective);
        var share = admin.Locator("[data-testid=rule-0]");
        await Expect(share.GetByLabel("Mã", new() { Exact = true })).ToHaveValueAsync("advanced-share");
        await Expect(share.GetByLabel("Loại tiêu chuẩn")).ToHaveValueAsync("minShare");
        await Expect(share.GetByLabel("Mức tối thiểu")).ToHaveValueAsync("0.7");
        await Expect(share.GetByLabel("Căn cứ (điều, khoản)")).ToHaveValueAsync("Điều 27 Luật Thi đua, khen thưởng 2022");
        await Expect(admin.Locator("fieldset.rule-row")).ToHaveCountAsync(6);

        // Not after the latest version: refused next to the date, nothing saved, the input stays.
        await admin.GetByLabel("Hiệu lực từ ngày").FillAsync("2025-03-01");
        await admin.GetByLabel("Căn cứ pháp lý").FillAsync("Nghị định 152/2025/NĐ-CP; quy định của tỉnh");
        await share.GetByLabel("Mức tối thiểu").FillAsync("0,75");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Thêm phiên bản", Exact = true }).ClickAsync();
        await Expect(admin.Locator("[data-valmsg-for='Input.EffectiveFrom']")).ToContainTextAsync("01/07/2025");
        await Expect(admin.GetByLabel("Căn cứ pháp lý")).ToHaveValueAsync("Nghị định 152/2025/NĐ-CP; quy định của tỉnh");
        await Expect(share.GetByLabel("Mức tối thiểu")).ToHaveValueAsync("0,75");
        await Expect(versions).ToHaveCountAsync(2);

        // A share above 1: refused next to that rule's field.
        await admin.GetByLabel("Hiệu lực từ ngày").FillAsync("2027-01-01");
        await share.GetByLabel("Mức tối thiểu").FillAsync("1,5");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Thêm phiên bản", Exact = true }).ClickAsync();
        await Expect(share.Locator("[data-valmsg-for='Rows[0].Min']")).Not.ToBeEmptyAsync();
        await Expect(versions).ToHaveCountAsync(2);
        await admin.CheckPageAsync("45-admin-eligibility-refused");

        // One more rule (regular campaigns only, with its citation), then the corrected version is saved and listed first.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Thêm một tiêu chuẩn" }).ClickAsync();
        await Expect(admin.Locator("fieldset.rule-row")).ToHaveCountAsync(7);
        await Expect(admin.GetByLabel("Căn cứ pháp lý")).ToHaveValueAsync("Nghị định 152/2025/NĐ-CP; quy định của tỉnh");
        var women = admin.Locator("[data-testid=rule-6]");
        await women.GetByLabel("Mã", new() { Exact = true }).FillAsync("min-women");
        await women.GetByLabel("Loại tiêu chuẩn").SelectOptionAsync("minCount");
        await women.GetByLabel("Nội dung (người xét duyệt đọc)").FillAsync("Tập thể có ít nhất 5 nữ");
        await women.GetByLabel("Tập thể").CheckAsync();
        await women.GetByLabel("Thường xuyên").CheckAsync();
        await women.GetByLabel("Căn cứ (điều, khoản)").FillAsync("Quy định của tỉnh");
        await women.GetByLabel("Số liệu (số lượng)").SelectOptionAsync("womenCount");
        await women.GetByLabel("Mức tối thiểu").FillAsync("5");
        await share.GetByLabel("Mức tối thiểu").FillAsync("0,75");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Thêm phiên bản", Exact = true }).ClickAsync();
        await Expect(admin.Locator(".flash")).ToContainTextAsync("01/01/2027");
        await Expect(versions).ToHaveCountAsync(3);
        await Expect(versions.First).ToContainTextAsync("v3");
        await Expect(versions.First).ToContainTextAsync("01/01/2027");
        await Expect(versions.First).ToContainTextAsync("Nghị định 152/2025/NĐ-CP; quy định của tỉnh");
        await Expect(versions.First).ToContainTextAsync("Số lao động tiên tiến / Số thành viên ≥ 75 %");
        await Expect(versions.First).ToContainTextAsync("Tập thể có ít nhất 5 nữ");
        await Expect(versions.First).ToContainTextAsync("Số nữ ≥ 5 (Tập thể) – Thường xuyên – Quy định của tỉnh");
        await Expect(versions.Nth(1)).ToContainTextAsync("≥ 70 %");
        await admin.CheckPageAsync("46-admin-eligibility");

        // Not an administration page for anyone else.
        var leader = await app.SignInAsync(DemoAccounts.Leader);
        (await leader.GotoAsync("/quan-tri/tieu-chuan"))!.Status.Should().Be(403);
    }
}
