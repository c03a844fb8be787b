using System.Text.RegularExpressions;
using Commendations.Common.Security;
using Commendations.Domain.Users;
using Commendations.Features.Definitions;
using Commendations.Features.Nominations;
using Commendations.Seeding;
using Commendations.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>The app with four eyes on (a second administrator approves each publication) and the clock inside PT-2026-QCDC's window.</summary>
public sealed class DesignerBrowserFixture : BrowserFixture
{
    public TestClock TestClock { get; } = new(TestClock.At(2026, 12, 1));

    protected override TimeProvider? Clock => TestClock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Workflows:RequireSecondApproval", "true");
    }

    /// <summary>Another administrator (<c>quantri2</c>), who may approve what the demo administrator asks to publish.</summary>
    public static readonly DemoAccounts.Account SecondAdmin = new("quantri2", "Quản trị viên thứ hai", null, DemoUnits.HomeAffairs, Roles.Administrator);

    public async Task CreateSecondAdministratorAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var second = new AppUser { UserName = SecondAdmin.UserName, DisplayName = SecondAdmin.DisplayName };
        (await users.CreateAsync(second, DemoAccounts.Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(second, Roles.Administrator)).Succeeded.Should().BeTrue();
    }
}

/// <summary>Issue 7 in the browser: an administrator changes the route on the designer and moves a running nomination onto it.</summary>
public sealed class DesignerBrowserTests(DesignerBrowserFixture app) : IClassFixture<DesignerBrowserFixture>
{
    private const string Definition = "bang-khen-chuyen-de";
    private static readonly DemoAccounts.Account SecondAdmin = DesignerBrowserFixture.SecondAdmin;

    [BrowserFact]
    public async Task An_administrator_inserts_a_legal_review_validates_diffs_simulates_publishes_with_a_second_approval_and_migrates_a_running_nomination()
    {
        // Running on v2 (the shipped version in force) before anything changes: the steering committee has the dossier.
        var before = await Journeys.SubmittedCollectiveAsync(app, "UBND xã Tân Hòa");
        await app.CreateSecondAdministratorAsync();

        var admin = await app.SignInAsync(DemoAccounts.Admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Quy trình xét khen thưởng" }).ClickAsync();
        var list = admin.Locator($"[data-testid=definition-{Definition}]");
        await Expect(list.Locator("[data-testid=version-2] [data-testid=running]")).ToContainTextAsync("1");
        await admin.CheckPageAsync("20-definitions");

        // A new draft from v2 opens in the designer.
        await list.GetByRole(AriaRole.Button, new() { Name = "Tạo bản nháp mới từ v2" }).ClickAsync();
        await admin.WaitForURLAsync(new Regex($"/quy-trinh/{Definition}/v/\\d+$"));
        var version = int.Parse(admin.Url.Split('/')[^1]);
        await Expect(admin.Locator("[data-testid=problem-count]")).ToHaveTextAsync("Hợp lệ: không có lỗi.");
        await Expect(admin.Locator("#diagram canvas").First).ToBeVisibleAsync();

        // Insert a legal review between the committee and the public disclosure; the panel checks its fields first.
        await admin.Locator("#new-step-type").SelectOptionAsync("task");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Thêm bước" }).ClickAsync();
        await Expect(admin.Locator("#sp-key")).ToHaveValueAsync("new-step-1");
        await admin.Locator("#sp-key").FillAsync("Legal Review");
        await admin.Locator("#sp-deadline-value").FillAsync("0");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Áp dụng" }).ClickAsync();
        await Expect(admin.Locator("#sp-key-error")).ToContainTextAsync("gạch nối");
        await Expect(admin.Locator("#sp-role-error")).ToHaveTextAsync("Trường này là bắt buộc.");
        await Expect(admin.Locator("#sp-deadline-value-error")).ToContainTextAsync("số nguyên");
        await Expect(admin.Locator("#sp-key")).ToHaveAttributeAsync("aria-invalid", "true");

        await admin.Locator("#sp-key").FillAsync("legal-review");
        await admin.Locator("#sp-meaning").SelectOptionAsync("check");
        await admin.Locator("#sp-title-vi").FillAsync("Rà soát pháp lý");
        await admin.Locator("#sp-title-en").FillAsync("Legal review");
        await admin.Locator("#sp-role").SelectOptionAsync("appraiser");
        await admin.Locator("#sp-scope").SelectOptionAsync("appraisal");
        await admin.Locator("#sp-action-name-0").FillAsync("agree");
        await admin.Locator("#sp-action-label-0").FillAsync("Thống nhất");
        await admin.Locator("#sp-action-meaning-0").SelectOptionAsync("approve");
        await admin.Locator("#sp-action-target-0").SelectOptionAsync("public-disclosure");
        await admin.Locator("#sp-deadline-value").FillAsync("3");
        await admin.Locator("#sp-reminders").FillAsync("1");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Áp dụng" }).ClickAsync();
        await Expect(admin.Locator("#step-picker option[value=legal-review]")).ToHaveCountAsync(1);

        await admin.Locator("#step-picker").SelectOptionAsync("committee-review");
        await admin.Locator("#sp-t-approved").SelectOptionAsync("legal-review");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Áp dụng" }).ClickAsync();
        await Expect(admin.Locator("#json-text")).ToHaveValueAsync(new Regex("\"approved\": \"legal-review\""));
        await Expect(admin.Locator("#json-text")).ToHaveValueAsync(new Regex("\"vi\": \"Rà soát pháp lý\",\\s*\"en\": \"Legal review\""));
        await Expect(admin.Locator("[data-testid=problem-count]")).ToHaveTextAsync("Hợp lệ: không có lỗi.");
        (await admin.EvaluateAsync<bool>("() => window.designerCy.edges().some(e => e.source().id() === 'legal-review' && e.target().id() === 'public-disclosure')"))
            .Should().BeTrue("the new step is connected on the diagram");

        // A dangling transition typed in the JSON view: listed, and the step is highlighted on the diagram.
        var json = await admin.Locator("#json-text").InputValueAsync();
        await admin.Locator("#json-text").FillAsync(json.Replace("\"approved\": \"legal-review\"", "\"approved\": \"legal-reveiw\""));
        await Expect(admin.Locator("[data-testid=problems] li[data-step=committee-review]")).ToContainTextAsync("legal-reveiw");
        // Said in words with the step's name; the JSON path is kept on the item (its tooltip), not in the sentence.
        await Expect(admin.Locator("[data-testid=problems] li[data-path='$.steps[1].transitions.approved']")).ToContainTextAsync("Bước “Ban Chỉ đạo xem xét”:");
        await Expect(admin.Locator("[data-testid=problems]")).Not.ToContainTextAsync("$.steps");
        await Expect(admin.Locator("[data-testid=diagram]")).ToHaveAttributeAsync("data-problem-steps", new Regex("committee-review"));
        (await admin.EvaluateAsync<bool>("() => window.designerCy.getElementById('committee-review').hasClass('problem')")).Should().BeTrue();
        await Expect(admin.Locator("#publish-button")).ToBeDisabledAsync();
        await admin.CheckPageAsync("21-designer-problem");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Xem bước Ban Chỉ đạo xem xét" }).ClickAsync();
        await admin.Locator("#sp-t-approved").SelectOptionAsync("legal-review");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Áp dụng" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=problem-count]")).ToHaveTextAsync("Hợp lệ: không có lỗi.");
        await Expect(admin.Locator("[data-testid=diagram]")).ToHaveAttributeAsync("data-problem-steps", "");

        // Save; a save from a stale page is refused with the conflict, not silently overwritten.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=designer-status]")).ToContainTextAsync("Đã lưu bản nháp (0 lỗi kiểm tra).");
        var saved = await app.SendAs(DemoAccounts.Admin, new GetDefinitionVersion(Definition, version));
        saved.Content.Should().Contain("legal-review");
        await app.SendAs(DemoAccounts.Admin, new SaveDraft(Definition, version, saved.Content + "\n", saved.RowVersion));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=designer-status]")).ToContainTextAsync("xung đột");
        await admin.ReloadAsync();
        await admin.CheckPageAsync("22-designer");

        // Simulation: the new step is on the path, with each person's tasks and due dates.
        foreach (var action in new[] { "submit", "approve", "approve", "approve", "agree" })
        {
            await admin.Locator("#sim-action-kind").SelectOptionAsync(action);
            await admin.GetByRole(AriaRole.Button, new() { Name = "Thêm vào chuỗi" }).ClickAsync();
        }
        await Expect(admin.Locator("[data-testid=sim-actions] li")).ToHaveCountAsync(5);
        await admin.Locator("#sim-run").ClickAsync();
        // Steps read by their names, as people call them.
        var path = admin.Locator("[data-testid=sim-path]");
        await Expect(path).ToContainTextAsync("Ban Chỉ đạo xem xét");
        await Expect(path).ToContainTextAsync("Rà soát pháp lý");
        await Expect(path).ToContainTextAsync("Công khai, lấy ý kiến");
        await Expect(path).Not.ToContainTextAsync("committee-review");
        // People by name and roles by their names, never ids or codes.
        // In the page's language, whatever language the browser asks the API for.
        await Expect(admin.Locator("[data-testid=sim-tasks]")).ToContainTextAsync("Chuyên viên thẩm định");
        await Expect(admin.Locator("[data-testid=sim-tasks]")).Not.ToContainTextAsync("Appraiser");
        await Expect(admin.Locator("[data-testid=sim-tasks]")).ToContainTextAsync(DemoAccounts.SteeringStandingMember.DisplayName);
        await Expect(admin.Locator("[data-testid=sim-tasks]")).Not.ToContainTextAsync("appraiser");
        await Expect(admin.Locator("[data-testid=sim-tasks]")).Not.ToContainTextAsync(new Regex("[0-9a-f]{8}-[0-9a-f]{4}-"));
        await Expect(admin.Locator("[data-testid=sim-tasks]")).ToContainTextAsync(new Regex(@"\d\d/\d\d/2026 \d\d:\d\d"));
        await Expect(admin.Locator("[data-testid=sim-outcome]")).ToContainTextAsync("Công khai, lấy ý kiến");
        await admin.Locator("#sim-name").FillAsync("Có thẩm định pháp lý");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lưu kịch bản" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=saved-scenarios]")).ToContainTextAsync("Có thẩm định pháp lý");
        // The saved scenario re-run against v2: no legal review there, so the last action is refused.
        await admin.Locator("#sim-version").SelectOptionAsync("2");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Chạy lại Có thẩm định pháp lý" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=sim-result] h3")).ToContainTextAsync("phiên bản 2");
        await Expect(admin.Locator("[data-testid=sim-path]")).Not.ToContainTextAsync("Rà soát pháp lý");
        await admin.CheckPageAsync("23-designer-simulation");

        // The diff, as a list and on both diagrams.
        await admin.GotoAsync($"/quy-trinh/{Definition}/so-sanh?from=2&to={version}");
        await Expect(admin.Locator("[data-testid=changes] [data-kind=StepAdded][data-step=legal-review]")).ToContainTextAsync("Rà soát pháp lý");
        await Expect(admin.Locator("[data-testid=changes] [data-kind=TransitionChanged][data-step=committee-review]")).ToContainTextAsync("legal-review");
        await Expect(admin.Locator("[data-testid=diagram-after]")).ToHaveAttributeAsync("data-marked", new Regex("legal-review:added"));
        await Expect(admin.Locator("[data-testid=diagram-before]")).ToHaveAttributeAsync("data-marked", new Regex("committee-review:changed"));
        await admin.CheckPageAsync("24-definition-diff");

        // Publishing asks for a second administrator; the author cannot approve their own request.
        await admin.GotoAsync($"/quy-trinh/{Definition}/v/{version}");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Xem trước khi xuất bản" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=publication-impact]")).ToContainTextAsync("vẫn tiếp tục theo phiên bản đó");
        await Expect(admin.Locator("[data-testid=publication-changes]")).ToContainTextAsync("Rà soát pháp lý");
        await admin.CheckPageAsync("24b-publication-preview");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Đề nghị xuất bản" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=awaiting-approval]")).ToContainTextAsync("Đang chờ quản trị viên thứ hai phê duyệt");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Xem trước khi xuất bản" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Phê duyệt và xuất bản" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=error-summary]")).ToContainTextAsync("cần một quản trị viên khác phê duyệt");
        var second = await app.SignInAsync(SecondAdmin);
        await second.GotoAsync($"/quy-trinh/{Definition}/v/{version}");
        await Expect(second.Locator("[data-testid=awaiting-approval]")).ToContainTextAsync(DemoAccounts.Admin.DisplayName);
        await second.CheckPageAsync("25-designer-awaiting-approval");
        await second.GetByRole(AriaRole.Button, new() { Name = "Xem trước khi xuất bản" }).ClickAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Phê duyệt và xuất bản" }).ClickAsync();
        await Expect(second.Locator("[data-testid=definition-status]")).ToHaveTextAsync("Đang áp dụng");
        await Expect(second.Locator("[data-testid=publication]")).ToContainTextAsync("Quản trị viên thứ hai");

        // Started afterwards: the new route. Started before: still v2.
        var after = await Journeys.SubmittedCollectiveAsync(app, "Trạm Y tế xã Tân Hòa");
        foreach (var member in new[] { DemoAccounts.SteeringStandingMember, DemoAccounts.SteeringDeputyHead, DemoAccounts.SteeringHead })
            await app.SendAs(member, new ActOnTask((await app.SendAs(member, new GetNomination(after))).MyTurn!.TaskId, "approve", "Đồng ý."));
        (await InstanceAsync(after)).Should().Be((version, "legal-review"), "a nomination started afterwards follows the new route");
        (await InstanceAsync(before)).Should().Be((2, "committee-review"), "one started before continues on its version");

        // Migration of the running nomination: committee-review → legal-review, previewed, then applied.
        await admin.GotoAsync("/quy-trinh");
        await admin.GetByRole(AriaRole.Link, new() { Name = $"Chuyển hồ sơ từ v2 sang v{version}" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=running-instances]")).ToContainTextAsync("UBND xã Tân Hòa");
        await Expect(admin.Locator("#map-public-disclosure")).ToHaveValueAsync("public-disclosure");
        await admin.GetByLabel("UBND xã Tân Hòa").CheckAsync();
        await admin.Locator("#map-committee-review").SelectOptionAsync("legal-review");
        await admin.GetByLabel("Lý do chuyển đổi (ghi vào nhật ký)").FillAsync("Áp dụng quy trình có thẩm định pháp lý.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Xem trước" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=migration-preview] [data-testid=landing-step]")).ToHaveTextAsync("Rà soát pháp lý");
        await Expect(admin.Locator("[data-testid=migration-preview]")).ToContainTextAsync("Có thể chuyển");
        await admin.CheckPageAsync("26-migration-preview");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Chuyển đổi" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=migration-results]")).ToContainTextAsync("Thành công");
        await Expect(admin.Locator("[data-testid=migration-results]")).ToContainTextAsync("Rà soát pháp lý");
        await Expect(admin.Locator("[data-testid=no-running]")).ToBeVisibleAsync();
        await admin.CheckPageAsync("27-migration-result");

        // It continues from the mapped step, not from the start.
        (await InstanceAsync(before)).Should().Be((version, "legal-review"));
        var turn = (await app.SendAs(DemoAccounts.Appraiser, new GetNomination(before))).MyTurn!;
        await app.SendAs(DemoAccounts.Appraiser, new ActOnTask(turn.TaskId, "agree", "Thống nhất."));
        (await InstanceAsync(before)).Should().Be((version, "public-disclosure"));
        await using var db = app.CreateDbContext();
        (await db.AuditEntries.AnyAsync(e => e.Action == "definition.instance-migrated")).Should().BeTrue();
    }

    private async Task<(int Version, string? Step)> InstanceAsync(Guid nominationId)
    {
        await using var db = app.CreateDbContext();
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.NominationId == nominationId);
        return (instance.DefinitionVersion, instance.CurrentStep);
    }
}
