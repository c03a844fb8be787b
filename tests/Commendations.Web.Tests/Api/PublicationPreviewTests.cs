using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Web.Tests.Infrastructure;

namespace Commendations.Web.Tests.Api;

/// <summary>
/// Issue 18, publishing: before an administrator publishes, they read what it does — new nominations follow the new
/// version, the running ones stay on theirs (how many), the differences that matter in words; afterwards only the new
/// version is "in force", the older one reads superseded.
/// </summary>
public class PublicationPreviewTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private const string Definition = "bang-khen-chuyen-de";
    private readonly ApiJourney _journey = new(app);

    [Fact]
    public async Task The_preview_states_who_stays_on_the_old_version_and_what_changed_and_after_publishing_the_old_version_is_superseded()
    {
        app.Clock.Set(TestClock.At(2026, 12, 1));
        var running = await _journey.CreateAsync(await _journey.CollectiveBodyAsync());
        await _journey.AttachRequiredAsync(running);
        await _journey.SubmitAsync(running);
        var admin = await app.As(DemoAccounts.Admin);
        var created = await admin.PostAsJsonAsync($"/api/definitions/{Definition}/drafts", new { fromVersion = 2 });
        await ApiJourney.Expect(created, HttpStatusCode.OK);
        var version = (int)(await created.Content.ReadFromJsonAsync<JsonObject>())!["version"]!;
        var view = (await admin.GetFromJsonAsync<JsonObject>($"/api/definitions/{Definition}/versions/{version}"))!;
        var content = JsonNode.Parse((string)view["content"]!)!.AsObject();
        content["steps"]!.AsArray().Single(s => (string)s!["key"]! == "public-disclosure")!["duration"] = JsonNode.Parse("""{ "workingDays": 12 }""");
        await ApiJourney.Expect(await admin.PutAsJsonAsync($"/api/definitions/{Definition}/versions/{version}",
            new { content = content.ToJsonString(), rowVersion = (uint)view["rowVersion"]! }), HttpStatusCode.OK);
        var list = (await admin.GetFromJsonAsync<JsonArray>("/api/definitions"))!;
        var runningOnV2 = (int)list.Single(d => (string)d!["definitionId"]! == Definition)!["versions"]!.AsArray()
            .Single(v => (int)v!["version"]! == 2)!["runningInstances"]!;

        var preview = (await admin.GetFromJsonAsync<JsonObject>($"/api/definitions/{Definition}/versions/{version}/publication-preview"))!;

        runningOnV2.Should().BeGreaterThan(0, "the nomination submitted above runs on v2, the shipped version in force");
        preview["canPublish"]!.GetValue<bool>().Should().BeTrue();
        preview["inForceVersion"]!.GetValue<int>().Should().Be(2);
        preview["running"]!.AsArray().Select(r => ((int)r!["version"]!, (int)r["runningInstances"]!)).Should().Equal((2, runningOnV2));
        var impact = preview["impact"]!.AsArray().Select(s => (string)s!).ToList();
        impact.Should().Contain($"Hồ sơ bắt đầu sau khi xuất bản sẽ đi theo phiên bản {version}.")
            .And.Contain($"{runningOnV2} hồ sơ đang xử lý theo phiên bản 2 vẫn tiếp tục theo phiên bản đó.");
        var changes = preview["changes"]!.AsArray().Select(c => (string)c!["description"]!).ToList();
        changes.Should().ContainSingle().Which.Should().Contain("Công khai, lấy ý kiến").And.Contain("12")
            .And.NotContain("public-disclosure", "the reader sees the step's name, not its key");

        await ApiJourney.Expect(await admin.PostAsync($"/api/definitions/{Definition}/versions/{version}/publish", null), HttpStatusCode.OK);

        var versions = (await admin.GetFromJsonAsync<JsonArray>("/api/definitions"))!
            .Single(d => (string)d!["definitionId"]! == Definition)!["versions"]!.AsArray();
        versions.Single(v => (int)v!["version"]! == version)!["statusName"]!.GetValue<string>().Should().Be("Đang áp dụng");
        versions.Single(v => (int)v!["version"]! == 2)!["statusName"]!.GetValue<string>().Should().Be("Đã thay thế");
        versions.Single(v => (int)v!["version"]! == 2)!["superseded"]!.GetValue<bool>().Should().BeTrue();
        var old = (await admin.GetFromJsonAsync<JsonObject>($"/api/definitions/{Definition}/versions/2"))!;
        old["statusName"]!.GetValue<string>().Should().Be("Đã thay thế", "only the latest published version is in force");
    }
}
