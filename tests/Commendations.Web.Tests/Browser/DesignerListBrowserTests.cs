using System.Text.RegularExpressions;
using Commendations.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>The definitions list without four eyes: import a file, publish it, export, retire and roll back; closed to non-administrators.</summary>
public sealed class DesignerListBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Definition = "csdt-tinh";

    [BrowserFact]
    public async Task An_administrator_imports_publishes_exports_retires_and_rolls_back_a_definition()
    {
        var admin = await app.SignInAsync(DemoAccounts.Admin);
        await admin.GotoAsync("/quy-trinh");

        // Import the shipped v2 file: it becomes the next draft, opened in the designer.
        var file = Path.Combine(PageChecks.RepositoryRoot, "workflows", $"{Definition}.v2.json");
        await admin.GetByLabel("Tệp định nghĩa (.json)").SetInputFilesAsync(file);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Nhập tệp" }).ClickAsync();
        await admin.WaitForURLAsync(new Regex($"/quy-trinh/{Definition}/v/3$"));
        await Expect(admin.Locator(".flash")).ToContainTextAsync("Đã nhập tệp thành bản nháp csdt-tinh phiên bản 3.");
        await Expect(admin.Locator("[data-testid=problem-count]")).ToHaveTextAsync("Hợp lệ: không có lỗi.");

        // Without four eyes, publishing takes effect at once — after the impact is stated.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Xem trước khi xuất bản" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=publication-impact]")).ToContainTextAsync("Hồ sơ bắt đầu sau khi xuất bản sẽ đi theo phiên bản 3.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Xuất bản", Exact = true }).ClickAsync();
        await Expect(admin.Locator("[data-testid=definition-status]")).ToHaveTextAsync("Đang áp dụng");
        await Expect(admin.Locator(".flash")).ToContainTextAsync("Đã xuất bản phiên bản 3");
        await Expect(admin.Locator("#save-draft")).ToHaveCountAsync(0);
        await Expect(admin.Locator("#json-text")).ToHaveAttributeAsync("readonly", "");
        await admin.GotoAsync($"/quy-trinh/{Definition}/v/2");
        await Expect(admin.Locator("[data-testid=definition-status]")).ToHaveTextAsync("Đã thay thế");
        // A shipped version's author is "the system", never the importer's technical name.
        await Expect(admin.Locator("main")).ToContainTextAsync("Người soạn: Hệ thống (quy trình cài sẵn)");
        await Expect(admin.Locator("main")).Not.ToContainTextAsync("workflows/");
        // The superseded route as BPMN, for documenting it in a process tool.
        var bpmn = await admin.RunAndWaitForDownloadAsync(() => admin.GetByRole(AriaRole.Link, new() { Name = "Tải BPMN" }).ClickAsync());
        bpmn.SuggestedFilename.Should().Be($"{Definition}-v2.bpmn");
        (await File.ReadAllTextAsync(await bpmn.PathAsync())).Should().Contain("http://www.omg.org/spec/BPMN/20100524/MODEL");

        // Export: the same file format, named by id and version.
        await admin.GotoAsync("/quy-trinh");
        var rows = admin.Locator($"[data-testid=definition-{Definition}]");
        var download = await admin.RunAndWaitForDownloadAsync(() => rows.GetByRole(AriaRole.Link, new() { Name = "Xuất tệp v3" }).ClickAsync());
        download.SuggestedFilename.Should().Be($"{Definition}.v3.json");
        var exported = await File.ReadAllTextAsync(await download.PathAsync());
        exported.Should().Contain($"\"id\": \"{Definition}\"").And.Contain("\"version\": 3");

        // Retire v1, then roll back to it: its content is published again as v4.
        await rows.GetByRole(AriaRole.Button, new() { Name = "Ngừng sử dụng v1" }).ClickAsync();
        await Expect(admin.Locator(".flash")).ToContainTextAsync("Đã ngừng sử dụng csdt-tinh phiên bản 1.");
        await Expect(rows.Locator("[data-testid=version-1] [data-testid=version-status]")).ToHaveTextAsync("Ngừng sử dụng");
        await rows.GetByRole(AriaRole.Button, new() { Name = "Khôi phục nội dung v1" }).ClickAsync();
        await Expect(admin.Locator(".flash")).ToContainTextAsync("Đã khôi phục: phiên bản 4 (nội dung của phiên bản 1) được xuất bản.");
        await Expect(rows.Locator("[data-testid=version-4] [data-testid=version-status]")).ToHaveTextAsync("Đang áp dụng");
        await Expect(rows.Locator("[data-testid=version-4]")).ToContainTextAsync(DemoAccounts.Admin.DisplayName);

        // A malformed file is refused next to the field.
        await admin.GetByLabel("Tệp định nghĩa (.json)").SetInputFilesAsync(new FilePayload { Name = "hong.json", MimeType = "application/json", Buffer = "{ not json"u8.ToArray() });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Nhập tệp" }).ClickAsync();
        await Expect(admin.Locator("[data-valmsg-for=file]")).ToContainTextAsync("Tệp không phải JSON hợp lệ");
        await admin.CheckPageAsync("28-definitions-after-rollback");

        // The same page in English.
        await admin.GetByTestId("language-switch").ClickAsync();
        await Expect(admin.Locator("h1")).ToHaveTextAsync("Workflow definitions");
        await Expect(rows.Locator("[data-testid=version-4] [data-testid=version-status]")).ToHaveTextAsync("Published");
        await admin.GetByTestId("language-switch").ClickAsync();

        // Not for anyone else.
        var officer = await app.SignInAsync(DemoAccounts.OfficerTanHoa);
        await Expect(officer.GetByRole(AriaRole.Link, new() { Name = "Quy trình xét khen thưởng" })).ToHaveCountAsync(0);
        await officer.GotoAsync($"/quy-trinh/{Definition}/v/1");
        officer.Url.Should().Contain("/dang-nhap");
    }
}
