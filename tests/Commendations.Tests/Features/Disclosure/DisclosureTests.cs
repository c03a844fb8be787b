using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Disclosure;
using Commendations.Features.Disclosure;
using Commendations.Features.Nominations;
using Commendations.Features.Scheduling;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Features.Disclosure;

/// <summary>Public disclosure: the public list, comments (spam-resistant), and a complaint pausing the nomination until resolved.</summary>
public class DisclosureTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly AwardSteps _awards = new(app);
    private static readonly FixedCurrentUser Anonymous = new(Guid.NewGuid(), "Khách", new HashSet<string>(), null, "203.0.113.7");

    private SendDisclosureComment Comment(Guid id, string text, bool complaint = false, string? honeypot = null, TimeSpan? filledIn = null) =>
        new(id, "Người dân thôn Bến Đình", "0912 345 678", text, complaint, honeypot, app.Clock.GetUtcNow() - (filledIn ?? TimeSpan.FromMinutes(2)), "203.0.113.7");

    private async Task PastDisclosureAsync(Guid id)
    {
        await using var db = app.CreateDbContext();
        var state = await db.WorkflowInstances.Where(i => i.NominationId == id).Select(i => i.State).SingleAsync();
        var until = Engine.InstanceState.FromJson(state).WaitUntil!.Value;
        if (until > app.Clock.GetUtcNow())
            app.Clock.Set(until.AddMinutes(1));
    }

    [Fact]
    public async Task A_complaint_pauses_the_nomination_until_the_secretary_resolves_it_then_the_wait_ends()
    {
        var ids = await _awards.InDisclosureAsync(1, 1, "CK");
        var (collective, individual) = (ids[0], ids[1]);

        var published = await app.Send(Anonymous, new ListDisclosedNominees(DemoCatalog.CurrentThematicCampaign));
        published.Nominees.Select(n => n.NominationId).Should().Contain(ids);
        published.Nominees.Single(n => n.NominationId == individual).AchievementSummary.Should().Contain("Quy chế dân chủ");

        var receipt = await app.Send(Anonymous, Comment(individual, "Ông/bà này đang bị xem xét kỷ luật, đề nghị xác minh.", complaint: true));
        await app.Send(Anonymous, Comment(collective, "Tập thể này làm rất tốt, đồng ý khen thưởng."));
        await using (var db = app.CreateDbContext())
        {
            var secretary = app.UserId(DemoAccounts.SteeringStandingMember);
            (await db.Notifications.CountAsync(n => n.RecipientUserId == secretary && n.Kind == "disclosure-comment" && ids.Contains(n.NominationId!.Value))).Should().Be(2);
        }

        await PastDisclosureAsync(individual);
        await PastDisclosureAsync(collective);
        (await app.Send(FixedCurrentUser.System, new ElapseWait(individual, "public-disclosure"))).Should().BeFalse("an open complaint pauses it");
        (await app.Send(FixedCurrentUser.System, new ElapseWait(collective, "public-disclosure"))).Should().BeTrue("a plain comment does not");
        (await app.Send(DemoAccounts.Appraiser, new GetNomination(individual))).CurrentStep.Should().Be("public-disclosure");

        var comments = await app.Send(DemoAccounts.SteeringStandingMember, new ListDisclosureComments(individual));
        comments.Single().OpenComplaint.Should().BeTrue();
        var officer = () => app.Send(DemoAccounts.OfficerTanHoa, new HandleDisclosureComment(receipt.CommentId!.Value, CommentKind.Complaint, "x", true));
        await officer.Should().ThrowAsync<ForbiddenException>();

        var resolved = await app.Send(DemoAccounts.SteeringStandingMember, new HandleDisclosureComment(receipt.CommentId!.Value, CommentKind.Complaint,
            "Đã xác minh với đơn vị: không có quyết định kỷ luật; phản ánh không đúng.", true));

        resolved.OpenComplaints.Should().BeFalse();
        resolved.WaitEnded.Should().BeTrue();
        resolved.CurrentStep.Should().Be("appraisal");
        (await app.Send(DemoAccounts.SteeringStandingMember, new ListDisclosureComments(individual))).Single().Handling.Should().StartWith("Đã xác minh");
    }

    [Fact]
    public async Task A_comment_the_secretary_flags_as_a_complaint_pauses_too_and_spam_and_bad_input_are_refused()
    {
        var id = (await _awards.InDisclosureAsync(1, 0, "SP"))[0];
        var plain = await app.Send(Anonymous, Comment(id, "Đề nghị làm rõ số liệu giải quyết hồ sơ."));
        await app.Send(DemoAccounts.SteeringStandingMember, new HandleDisclosureComment(plain.CommentId!.Value, CommentKind.Complaint, null, false));
        await PastDisclosureAsync(id);
        (await app.Send(FixedCurrentUser.System, new ElapseWait(id, "public-disclosure"))).Should().BeFalse();

        (await app.Send(Anonymous, Comment(id, "Quảng cáo mua bán vé số giá rẻ!!!", honeypot: "http://spam.example"))).CommentId.Should().BeNull();
        var tooFast = () => app.Send(Anonymous, Comment(id, "Gửi ngay khi mở trang.", filledIn: TimeSpan.FromSeconds(1)));
        (await tooFast.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("formToken");
        var bad = () => app.Send(Anonymous, new SendDisclosureComment(id, new string('a', 201), null, "", false, null, null, null));
        (await bad.Should().ThrowAsync<InputException>()).Which.Errors.Keys.Should().BeEquivalentTo(["text", "authorName", "formToken"]);
        var notDisclosed = () => app.Send(Anonymous, Comment(Guid.NewGuid(), "Một ý kiến bất kỳ về ai đó."));
        await notDisclosed.Should().ThrowAsync<NotFoundException>();
        var officerReads = () => app.Send(DemoAccounts.OfficerTanHoa, new ListDisclosureComments(id));
        await officerReads.Should().ThrowAsync<ForbiddenException>();
        await using var db = app.CreateDbContext();
        (await db.DisclosureComments.CountAsync(c => c.NominationId == id)).Should().Be(1);
    }
}
