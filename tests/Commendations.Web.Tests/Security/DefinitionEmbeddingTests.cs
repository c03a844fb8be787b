using System.Net;
using System.Net.Http.Json;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Commendations.Seeding;
using Commendations.Web.Tests.Api;
using Commendations.Web.Tests.Infrastructure;
using Commendations.Web.Ui;

namespace Commendations.Web.Tests.Security;

/// <summary>
/// A definition's texts are embedded in the designer and diff pages as JSON data blocks. Markup in a text
/// (<c>&lt;!--&lt;script&gt;</c> switches the HTML parser into a state where the block's own end tag no longer ends it)
/// must stay text: the block ends where it should and reads back as the stored document.
/// </summary>
public class DefinitionEmbeddingTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    internal const string Hostile = "Ghi chú <!--<script> alert(1) </script> & 'nháy' \"kép\" </script><b>đậm</b>";

    /// <summary>
    /// The document as the designer sends it (JSON.stringify leaves &lt; as it is), so the stored text holds the markup
    /// literally — not the \u003C escapes System.Text.Json would write by default.
    /// </summary>
    internal static string AsTheDesignerWrites(JsonNode document) =>
        document.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    [Fact]
    public void Embedded_json_has_no_markup_characters_and_reads_back_unchanged()
    {
        var json = new JsonObject { ["description"] = Hostile, ["version"] = 12.50m, ["nested"] = new JsonArray("Trình hồ sơ", 1, true, null) }.ToJsonString();

        var embedded = JsonForHtml.Embed(json).ToString()!;

        embedded.Should().NotContainAny("<", ">", "&", "'");
        JsonNode.DeepEquals(JsonNode.Parse(embedded), JsonNode.Parse(json)).Should().BeTrue();
        embedded.Should().Contain("Trình hồ sơ", "Vietnamese letters stay readable");
        embedded.Should().Contain("12.50", "numbers are written as stored");
        JsonForHtml.Serialize(new { text = Hostile }).ToString().Should().NotContainAny("<", ">", "&", "'");
    }

    [Fact]
    public async Task Designer_and_diff_pages_keep_a_hostile_text_inside_their_data_blocks()
    {
        var admin = await app.As(DemoAccounts.Admin);
        const string definition = "bang-khen-chuyen-de";
        var created = await admin.PostAsJsonAsync($"/api/definitions/{definition}/drafts", new { fromVersion = 1 });
        await ApiJourney.Expect(created, HttpStatusCode.OK);
        var version = (int)(await created.Content.ReadFromJsonAsync<JsonObject>())!["version"]!;
        var view = (await admin.GetFromJsonAsync<JsonObject>($"/api/definitions/{definition}/versions/{version}"))!;
        var document = JsonNode.Parse((string)view["content"]!)!.AsObject();
        document["description"] = Hostile;
        document["steps"]![0]!["actions"]![0]!["label"] = Hostile;
        await ApiJourney.Expect(await admin.PutAsJsonAsync($"/api/definitions/{definition}/versions/{version}",
            new { content = AsTheDesignerWrites(document), rowVersion = (uint)view["rowVersion"]! }), HttpStatusCode.OK);
        var stored = (await admin.GetFromJsonAsync<JsonObject>($"/api/definitions/{definition}/versions/{version}"))!;
        ((string)stored["content"]!).Should().Contain("<!--<script>", "the stored text holds the markup itself");

        var browser = app.BrowserClient();
        await ApiJourney.Expect(await browser.PostAsJsonAsync("/api/auth/login",
            new { userName = DemoAccounts.Admin.UserName, password = DemoAccounts.Password, useCookie = true }), HttpStatusCode.NoContent);
        var designer = await browser.GetStringAsync($"/quy-trinh/{definition}/v/{version}");
        var diff = await browser.GetStringAsync($"/quy-trinh/{definition}/so-sanh?from=1&to={version}");

        JsonNode.DeepEquals(DataBlock(designer, "designer-content"), document).Should().BeTrue();
        DataBlock(diff, "diff-after")!["description"]!.GetValue<string>().Should().Be(Hostile);
        DataBlock(diff, "diff-before")!["version"]!.GetValue<int>().Should().Be(1);
        DataBlock(diff, "diff-changes")!.AsArray().Should().NotBeEmpty();
        // The markup after the blocks is still markup, in the right place.
        designer.Should().MatchRegex("id=\"designer-content\">[^<]*</script>\\s*<div class=\"designer-toolbar\"");
    }

    /// <summary>What an HTML parser puts in the block: the text up to the first &lt;/script (no markup may hide inside).</summary>
    private static JsonNode? DataBlock(string html, string id)
    {
        var match = Regex.Match(html, $"<script type=\"application/json\" id=\"{id}\">(.*?)</script", RegexOptions.Singleline);
        match.Success.Should().BeTrue($"the page has the {id} block");
        match.Groups[1].Value.Should().NotContain("<", "a < inside a script block can change how the parser ends it");
        return JsonNode.Parse(match.Groups[1].Value);
    }
}
