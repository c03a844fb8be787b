using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;

namespace Commendations.Web.Tests.Api;

/// <summary>Officers and reviewers find nominees as they type them: with or without diacritics, in any case, đ as d.</summary>
public class SearchWithoutDiacriticsTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private readonly ApiJourney _journey = new(app);

    private async Task<Guid> NominateAsync(string fullName)
    {
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(await _journey.IndividualBodyAsync()))!.AsObject();
        body["person"]!["fullName"] = fullName;
        return await _journey.CreateAsync(body);
    }

    private async Task<IReadOnlyList<string>> SearchAsync(string text)
    {
        var page = await (await app.As(DemoAccounts.OfficerTanHoa)).GetFromJsonAsync<JsonObject>($"/api/nominations?search={Uri.EscapeDataString(text)}&pageSize=50");
        return page!["items"]!.AsArray().Select(i => i!["nomineeName"]!.GetValue<string>()).ToList();
    }

    [Fact]
    public async Task A_name_is_found_with_or_without_diacritics_and_nothing_else_is()
    {
        await NominateAsync("Trần Thị Bích");
        await NominateAsync("Đặng Văn Đức");
        await NominateAsync("Trần Văn Bình");

        (await SearchAsync("Bích")).Should().Equal("Trần Thị Bích");
        (await SearchAsync("bich")).Should().Equal("Trần Thị Bích");
        (await SearchAsync("TRAN THI")).Should().Equal("Trần Thị Bích");
        (await SearchAsync("dang van duc")).Should().Equal("Đặng Văn Đức");
        (await SearchAsync("Đức")).Should().Equal("Đặng Văn Đức");
        (await SearchAsync("tran")).Should().BeEquivalentTo("Trần Thị Bích", "Trần Văn Bình");
        (await SearchAsync("Binh")).Should().Equal("Trần Văn Bình");
        (await SearchAsync("50%_")).Should().BeEmpty("wildcards are searched as text");
        // Another unit's officer finds none of them: search stays within what the user may see.
        var other = await (await app.As(DemoAccounts.OfficerDongXuyen)).GetFromJsonAsync<JsonObject>("/api/nominations?search=tran");
        other!["items"]!.AsArray().Should().BeEmpty();
    }
}
