using System.Text.Json;
using System.Text.RegularExpressions;
using Commendations.Features.Definitions;
using Commendations.Seeding;
using Microsoft.Playwright;
using static Commendations.Web.Tests.Browser.DiagramGestures;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>
/// Issue 18 in the browser: a route built on the designer's diagram by mouse and keyboard — the palette of step types,
/// dragging from an outcome's port onto a step, undo/redo of the definition document, the Delete key, layout and fit.
/// </summary>
public sealed class DesignerEditingBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task An_administrator_builds_a_council_vote_route_on_the_diagram_with_undo_redo_delete_layout_and_saves_it()
    {
        const string id = "hoi-dong-keo-tha";
        var admin = await NewRouteAsync(id, "Bỏ phiếu Hội đồng (dựng trên sơ đồ)");
        const string committee = DemoCatalog.SteeringCommittee;

        // The palette: a vote step with a generated key and its Vietnamese name, selected after adding.
        var palette = admin.Locator("[data-testid=palette]");
        await Expect(palette.GetByRole(AriaRole.Button)).ToHaveCountAsync(9);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Thêm một bước Bước bỏ phiếu", Exact = true }).ClickAsync();
        await Expect(admin.Locator("#sp-key")).ToHaveValueAsync("vote-1");
        await Expect(admin.Locator("#sp-title-vi")).ToHaveValueAsync("Bước bỏ phiếu 1");
        (await admin.EvaluateAsync<bool>("() => window.designerGraph.getElementById('vote-1').selected()")).Should().BeTrue();
        (await admin.EvaluateAsync<string>("() => window.designerGraph.getElementById('vote-1').data('label')")).Should().StartWith("Bước bỏ phiếu 1\n");
        // Each outcome of the vote is a port labelled with the outcome's name.
        (await admin.EvaluateAsync<string>("() => window.designerGraph.getElementById('port:vote-1:transitions.passed').data('label')")).Should().Be("Thông qua");

        // Drag from outcomes onto steps: the proposal's submission now goes to the vote, the vote's outcomes to the decision and the refusal.
        await DragAsync(admin, "port:de-xuat:actions[0]", "vote-1");
        await ExpectDocumentAsync(admin, d => Step(d, "de-xuat").GetProperty("actions")[0].GetProperty("target").GetString() == "vote-1");
        await DragAsync(admin, "port:vote-1:transitions.passed", "quyet-dinh");
        await ExpectDocumentAsync(admin, d => Transition(d, "vote-1", "passed") == "quyet-dinh");
        await DragAsync(admin, "port:vote-1:transitions.failed", "khong-khen");
        await ExpectDocumentAsync(admin, d => Transition(d, "vote-1", "failed") == "khong-khen");
        // Edges read by the outcome's name, not its key.
        (await admin.EvaluateAsync<string>("() => window.designerGraph.edges('[source = \"vote-1\"][slot = \"transitions.failed\"]').data('label')"))
            .Should().Be("Khi không thông qua");

        // Ctrl+Z takes the last connection back out of the document; Ctrl+Y puts it back.
        await admin.Keyboard.PressAsync("Control+z");
        await ExpectDocumentAsync(admin, d => Transition(d, "vote-1", "failed") is null or "" && Transition(d, "vote-1", "passed") == "quyet-dinh");
        await admin.Keyboard.PressAsync("Control+y");
        await ExpectDocumentAsync(admin, d => Transition(d, "vote-1", "failed") == "khong-khen");
        await admin.Keyboard.PressAsync("Control+z");
        await ExpectDocumentAsync(admin, d => Transition(d, "vote-1", "failed") is null or "");
        await admin.Keyboard.PressAsync("Control+Shift+Z");
        await ExpectDocumentAsync(admin, d => Transition(d, "vote-1", "failed") == "khong-khen");
        // Typing in a field is typing: Ctrl+Z there is the field's own undo, never the diagram's.
        await admin.Locator("#sim-name").FillAsync("x");
        await admin.Locator("#sim-name").PressAsync("Control+z");
        await ExpectDocumentAsync(admin, d => Transition(d, "vote-1", "failed") == "khong-khen");

        // The vote's committee through the side panel, the step chosen by clicking it on the diagram.
        await ClickNodeAsync(admin, "vote-1");
        await Expect(admin.Locator("#sp-key")).ToHaveValueAsync("vote-1");
        // Picked by its name from the organisation's committees; the definition stores the code.
        await admin.Locator("#sp-committee").SelectOptionAsync(new SelectOptionValue { Label = "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh Lam Giang" });
        await admin.Locator("#sp-meaning").SelectOptionAsync("vote");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Áp dụng", Exact = true }).ClickAsync();
        await ExpectDocumentAsync(admin, d => Step(d, "vote-1").GetProperty("committee").GetString() == committee);

        // A step added by mistake goes with the Delete key.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Thêm một bước Công việc", Exact = true }).ClickAsync();
        await Expect(admin.Locator("#sp-key")).ToHaveValueAsync("task-1");
        await admin.Locator("#diagram").ClickAsync(new() { Position = new() { X = 5, Y = 5 } });
        await ClickNodeAsync(admin, "task-1");
        await admin.Keyboard.PressAsync("Delete");
        await ExpectDocumentAsync(admin, d => !HasStep(d, "task-1"));
        (await admin.EvaluateAsync<bool>("() => window.designerGraph.getElementById('task-1').empty()")).Should().BeTrue();

        // Automatic layout and fit: every step's name is at least 12px on screen.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Sắp xếp từ trên xuống" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Xem toàn bộ sơ đồ vừa khung" }).ClickAsync();
        (await admin.EvaluateAsync<double>("() => { const cy = window.designerGraph; return Math.min(...cy.nodes('[?step]').map(n => cy.zoom() * parseFloat(n.style('font-size')))); }"))
            .Should().BeGreaterThanOrEqualTo(12);
        await ExpectDocumentAsync(admin, d => d.RootElement.TryGetProperty("layout", out var layout) && layout.TryGetProperty("vote-1", out _));
        await Expect(admin.Locator("[data-testid=problem-count]")).ToHaveTextAsync("Hợp lệ: không có lỗi.");

        await admin.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=designer-status]")).ToContainTextAsync("Đã lưu bản nháp (0 lỗi kiểm tra).");
        var saved = await app.SendAs(DemoAccounts.Admin, new GetDefinitionVersion(id, 1));
        using (var doc = JsonDocument.Parse(saved.Content))
        {
            doc.RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("key").GetString())
                .Should().BeEquivalentTo(["de-xuat", "vote-1", "quyet-dinh", "da-khen", "khong-khen", "da-rut"]);
            Step(doc, "de-xuat").GetProperty("actions")[0].GetProperty("target").GetString().Should().Be("vote-1");
            Step(doc, "vote-1").GetProperty("type").GetString().Should().Be("vote");
            Step(doc, "vote-1").GetProperty("committee").GetString().Should().Be(committee);
            Transition(doc, "vote-1", "passed").Should().Be("quyet-dinh");
            Transition(doc, "vote-1", "failed").Should().Be("khong-khen");
            Step(doc, "quyet-dinh").GetProperty("actions")[0].GetProperty("target").GetString().Should().Be("da-khen");
        }
        await admin.CheckPageAsync("23-designer-editing");
        await admin.Locator("#diagram").ScreenshotAsync(new() { Path = Path.Combine(PageChecks.ScreenshotFolder, "23-designer-editing-diagram.png") });
    }

    [BrowserFact]
    public async Task Reconnecting_a_wired_outcome_changes_only_that_outcome_and_the_connect_button_never_overwrites_one()
    {
        var admin = await NewRouteAsync("noi-lai-ket-qua", "Nối lại một kết quả");

        // The decision's "sign" outcome dragged to another step: that action changes, its "do not award" stays.
        await DragAsync(admin, "port:quyet-dinh:actions[0]", "da-rut");
        await ExpectDocumentAsync(admin, d => Step(d, "quyet-dinh").GetProperty("actions")[0].GetProperty("target").GetString() == "da-rut");
        using (var doc = await DocumentAsync(admin))
        {
            Step(doc, "quyet-dinh").GetProperty("actions")[1].GetProperty("target").GetString().Should().Be("khong-khen");
            Step(doc, "de-xuat").GetProperty("actions")[0].GetProperty("target").GetString().Should().Be("quyet-dinh");
        }

        // A vote with every outcome wired: the connect button says so instead of overwriting the first.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Thêm một bước Bước bỏ phiếu", Exact = true }).ClickAsync();
        await DragAsync(admin, "port:vote-1:transitions.passed", "quyet-dinh");
        await DragAsync(admin, "port:vote-1:transitions.failed", "khong-khen");
        await DragAsync(admin, "port:vote-1:transitions.noQuorum", "da-rut");
        await ExpectDocumentAsync(admin, d => Transition(d, "vote-1", "noQuorum") == "da-rut");
        // Reconnecting "failed" leaves "passed" and "noQuorum" as they were.
        await DragAsync(admin, "port:vote-1:transitions.failed", "da-rut");
        await ExpectDocumentAsync(admin, d => Transition(d, "vote-1", "failed") == "da-rut"
                                              && Transition(d, "vote-1", "passed") == "quyet-dinh" && Transition(d, "vote-1", "noQuorum") == "da-rut");

        await ClickNodeAsync(admin, "vote-1");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Nối tới bước khác" }).ClickAsync();
        await ClickNodeAsync(admin, "da-khen");
        await Expect(admin.Locator("[data-testid=designer-status]")).ToContainTextAsync("đều đã được nối");
        await ExpectDocumentAsync(admin, d => Transition(d, "vote-1", "passed") == "quyet-dinh" && Transition(d, "vote-1", "failed") == "da-rut");

        // The undo button walks the same history as Ctrl+Z.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Hoàn tác (Ctrl+Z)" }).ClickAsync();
        await ExpectDocumentAsync(admin, d => Transition(d, "vote-1", "failed") == "khong-khen" && Transition(d, "vote-1", "noQuorum") == "da-rut");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Làm lại (Ctrl+Y hoặc Ctrl+Shift+Z)" }).ClickAsync();
        await ExpectDocumentAsync(admin, d => Transition(d, "vote-1", "failed") == "da-rut");

        // In English: the palette, the steps' names and the outcomes' ports in English.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await Expect(admin.Locator("[data-testid=designer-status]")).ToContainTextAsync("Đã lưu bản nháp");
        await admin.GetByTestId("language-switch").ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Add a step: Vote step", Exact = true })).ToBeVisibleAsync();
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Undo (Ctrl+Z)" })).ToBeVisibleAsync();
        await admin.WaitForFunctionAsync("() => window.designerGraph && window.designerGraph.nodes('.port').length > 0");
        (await admin.EvaluateAsync<string>("() => window.designerGraph.getElementById('vote-1').data('label')")).Should().Be("Vote step 1\n‹vote›");
        (await admin.EvaluateAsync<string>("() => window.designerGraph.getElementById('port:vote-1:transitions.passed').data('label')")).Should().Be("Passed");
        await admin.GetByTestId("language-switch").ClickAsync();
    }

    private Task<IPage> NewRouteAsync(string id, string name) => DiagramGestures.NewRouteAsync(app, id, name);
}
