using Commendations.Features.Nominations;
using Commendations.Seeding;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Commendations.Web.Tests.Browser;

/// <summary>The task list in Chromium: a committee member narrows it, ticks several tasks and approves them with one comment.</summary>
public sealed class TaskListBrowserTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_member_filters_the_list_and_approves_ticked_tasks_with_one_comment_seeing_each_items_result()
    {
        string[] names = ["Trường Mầm non Hoa Sen", "Trạm Y tế xã Tân Hòa", "Hợp tác xã Nông nghiệp Tân Hòa"];
        var ids = new List<Guid>();
        foreach (var name in names)
            ids.Add(await Journeys.SubmittedCollectiveAsync(app, name));

        var member = await app.SignInAsync(DemoAccounts.SteeringStandingMember);
        await member.GotoAsync("/viec-can-xu-ly");
        var filters = member.Locator("[data-testid=task-filters]");
        // Typed without diacritics, the search still finds the nominee.
        await filters.GetByLabel("Tìm theo tên").FillAsync("mam non hoa sen");
        await filters.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Expect(member.Locator("[data-testid=task-row]")).ToHaveCountAsync(1);
        await Expect(member.Locator("[data-testid=task-row]")).ToContainTextAsync(names[0]);
        await filters.GetByLabel("Chỉ việc quá hạn").CheckAsync();
        await filters.GetByRole(AriaRole.Button, new() { Name = "Lọc" }).ClickAsync();
        await Expect(member.Locator("[data-testid=inbox-empty]")).ToBeVisibleAsync();

        await member.GotoAsync("/viec-can-xu-ly?sort=Nominee");
        await Expect(member.Locator("[data-testid=task-counts]")).ToContainTextAsync("Quá hạn: 0");
        await member.CheckPageAsync("task-list");

        // Meanwhile the third is approved on its own (another tab): in the bulk it is refused, the other two go through.
        var turn = (await app.SendAs(DemoAccounts.SteeringStandingMember, new GetNomination(ids[2]))).MyTurn!;
        await app.SendAs(DemoAccounts.SteeringStandingMember, new ActOnTask(turn.TaskId, "approve", "Đồng ý."));

        foreach (var name in names)
            await member.GetByLabel($"Chọn {name}").CheckAsync();
        await member.GetByLabel("Thao tác").SelectOptionAsync(new SelectOptionValue { Label = "Đồng ý" });
        await member.GetByLabel("Ý kiến chung").FillAsync("Đồng ý, chuyển tiếp.");
        await member.GetByRole(AriaRole.Button, new() { Name = "Thực hiện cho các việc đã chọn" }).ClickAsync();

        var results = member.Locator("[data-testid=bulk-result]");
        await Expect(results).ToHaveCountAsync(3);
        await Expect(member.Locator("[data-testid=bulk-results] h2")).ToContainTextAsync("2 thành công, 1 không thực hiện được");
        await Expect(results.Filter(new() { HasText = names[0] })).ToContainTextAsync("Đã xử lý");
        await Expect(results.Filter(new() { HasText = names[1] })).ToContainTextAsync("Đã xử lý");
        await Expect(results.Filter(new() { HasText = names[2] })).ToContainTextAsync("Việc này đã được xử lý.");
        await member.CheckPageAsync("task-list-bulk-results");
        // The approved ones left the member's list: the next member has them now.
        await Expect(member.Locator("[data-testid=task-row]").Filter(new() { HasText = names[0] })).ToHaveCountAsync(0);
        (await app.SendAs(DemoAccounts.SteeringDeputyHead, new GetNomination(ids[0]))).MyTurn.Should().NotBeNull();
    }
}
