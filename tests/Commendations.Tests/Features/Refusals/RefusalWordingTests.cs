using System.Globalization;
using System.Text.RegularExpressions;
using Commendations.Common.Errors;
using Commendations.Common.Text;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominees;
using Commendations.Features.Nominations;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;

namespace Commendations.Tests.Features.Refusals;

/// <summary>
/// What a person reads when refused, and on the timeline, in Vietnamese and in English: documents, fields, people and
/// steps by their names — never a user id, a task or step key, a document type's code or an event code.
/// </summary>
public partial class RefusalWordingTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private readonly NominationSteps _steps = new(app);

    [Fact]
    public async Task Missing_documents_are_named_as_people_call_them()
    {
        var id = await _steps.DraftCollectiveAsync();

        var submit = () => app.Send(DemoAccounts.OfficerTanHoa, new SubmitNomination(id, null));

        var refusal = (await submit.Should().ThrowAsync<InputException>()).Which.Fields["documents"].Single();
        refusal.Format(Vietnamese).Should().Be("Hồ sơ còn thiếu tài liệu bắt buộc: Tờ trình, Báo cáo thành tích.");
        refusal.Format(English).Should().Be("The dossier lacks required documents: Submission letter, Achievement report.");
    }

    [Fact]
    public async Task A_field_is_named_by_its_label_in_the_readers_language()
    {
        var campaign = await _steps.CampaignAsync(DemoCatalog.CurrentThematicCampaign);
        var create = new CreateNomination(campaign, DemoCatalog.CertificateOfMerit, NomineeKind.Collective, null,
            new CollectiveInput("Thôn Đông", 0, 0, 0), "Thực hiện tốt Quy chế dân chủ ở cơ sở năm 2026.");

        var vietnamese = await RefusedInAsync<InputException>(Vietnamese, () => app.Send(DemoAccounts.OfficerTanHoa, create));
        var english = await RefusedInAsync<InputException>(English, () => app.Send(DemoAccounts.OfficerTanHoa, create));

        vietnamese.Fields["collective.headcount"].Single().Format(Vietnamese).Should().StartWith("'Tổng số người'").And.NotContain("Headcount");
        english.Fields["collective.headcount"].Single().Format(English).Should().StartWith("'Headcount'");
    }

    [Fact]
    public async Task Refusals_of_the_workflow_name_people_and_actions_never_ids_or_keys()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        var task = (await _steps.TurnOfAsync(DemoAccounts.SteeringStandingMember, id)).TaskId;

        var outOfTurn = (await ((Func<Task>)(() => app.Send(DemoAccounts.SteeringHead, new ActOnTask(task, "approve", "Duyệt trước.")))).Should()
            .ThrowAsync<ConflictException>()).Which.Text;
        var withoutReason = (await ((Func<Task>)(() => app.Send(DemoAccounts.SteeringStandingMember, new ActOnTask(task, "return", null)))).Should()
            .ThrowAsync<InputException>()).Which.Fields["comment"].Single();
        var unknownAction = (await ((Func<Task>)(() => app.Send(DemoAccounts.SteeringStandingMember, new ActOnTask(task, "khong-co", null)))).Should()
            .ThrowAsync<InputException>()).Which.Fields["action"].Single();

        outOfTurn.Format(Vietnamese).Should().Be($"Chưa đến lượt bạn: việc này đang chờ {DemoAccounts.SteeringStandingMember.DisplayName} xử lý.");
        withoutReason.Format(Vietnamese).Should().Be("Trả lại hoặc không đồng ý cần ghi rõ lý do.");
        withoutReason.Format(English).Should().Be("A return or a rejection needs a written reason.");
        foreach (var text in new[] { outOfTurn, withoutReason, unknownAction }.SelectMany(m => new[] { m.Format(Vietnamese), m.Format(English) }))
            InternalKeysIn(text).Should().BeEmpty($"“{text}” is read by a person");
    }

    [Fact]
    public async Task The_timeline_names_every_event_and_no_entry_shows_a_code()
    {
        var id = await _steps.SubmittedCollectiveAsync();
        await _steps.ApproveByWholeCommitteeAsync(id);

        var timeline = (await app.Send(DemoAccounts.OfficerTanHoa, new GetNomination(id))).Timeline;

        timeline.Should().NotBeEmpty();
        foreach (var entry in timeline)
        {
            if (entry.ActionLabel is null)
                Names.Event(entry.Action).Should().NotBeNull($"the event {entry.Action} needs its name");
            foreach (var culture in new[] { Vietnamese, English })
            {
                var shown = entry.ActionLabel ?? Names.EventOrOther(entry.Action).Format(culture);
                InternalKeysIn(shown).Should().BeEmpty();
            }
        }
    }

    /// <summary>Ids, keys in code form (kebab-case, dotted event codes, PascalCase enum names): none belongs in a sentence.</summary>
    public static IReadOnlyList<string> InternalKeysIn(string text) =>
        [.. InternalKey().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}|\b[a-z]+(?:-[a-z]+)+\b|\b[a-z]+\.[a-z-]+\b|\b[A-Z][a-z]+[A-Z][A-Za-z]+\b")]
    private static partial Regex InternalKey();

    private static async Task<T> RefusedInAsync<T>(CultureInfo culture, Func<Task> act) where T : Exception
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return (await act.Should().ThrowAsync<T>()).Which;
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
