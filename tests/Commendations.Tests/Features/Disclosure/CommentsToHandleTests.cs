using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Disclosure;
using Commendations.Features.Disclosure;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Registry;

namespace Commendations.Tests.Features.Disclosure;

/// <summary>The secretary's list of comments to handle: only their committees' nominations, paused ones flagged, handled ones filterable.</summary>
public class CommentsToHandleTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly AwardSteps _awards = new(app);
    private static readonly FixedCurrentUser Anonymous = new(Guid.NewGuid(), "Khách", new HashSet<string>(), null, "203.0.113.9");

    private SendDisclosureComment Comment(Guid id, string text, bool complaint) =>
        new(id, "Người dân", null, text, complaint, null, app.Clock.GetUtcNow() - TimeSpan.FromMinutes(2), "203.0.113.9");

    [Fact]
    public async Task The_secretary_sees_the_comments_of_their_committees_nominations_with_the_complaint_pausing_one()
    {
        var ids = await _awards.InDisclosureAsync(2, 0, "HL");
        var complaint = await app.Send(Anonymous, Comment(ids[0], "Đơn vị còn khiếu nại chưa giải quyết xong.", complaint: true));
        await app.Send(Anonymous, Comment(ids[1], "Đồng ý khen thưởng tập thể này.", complaint: false));

        var listed = await app.Send(DemoAccounts.SteeringStandingMember, new ListCommentsToHandle());
        var paused = listed.Single(n => n.NominationId == ids[0]);
        paused.Paused.Should().BeTrue();
        paused.InDisclosure.Should().BeTrue();
        paused.Comments.Single().Kind.Should().Be(CommentKind.Complaint);
        paused.Comments.Single().AuthorName.Should().Be("Người dân");
        listed.Single(n => n.NominationId == ids[1]).Paused.Should().BeFalse();

        // Another member of the committee reviews but does not handle comments; an officer may not read them.
        (await app.Send(DemoAccounts.SteeringHead, new ListCommentsToHandle())).Should().BeEmpty();
        var officer = () => app.Send(DemoAccounts.OfficerTanHoa, new ListCommentsToHandle());
        await officer.Should().ThrowAsync<ForbiddenException>();
        (await app.Send(DemoAccounts.Admin, new ListCommentsToHandle())).Select(n => n.NominationId).Should().Contain(ids);

        await app.Send(DemoAccounts.SteeringStandingMember, new HandleDisclosureComment(complaint.CommentId!.Value, CommentKind.Complaint,
            "Đã xác minh, khiếu nại đã được giải quyết.", true));
        var open = await app.Send(DemoAccounts.SteeringStandingMember, new ListCommentsToHandle(OnlyUnhandled: true));
        open.Select(n => n.NominationId).Should().NotContain(ids[0]).And.Contain(ids[1]);
        (await app.Send(DemoAccounts.SteeringStandingMember, new ListCommentsToHandle())).Single(n => n.NominationId == ids[0]).Paused.Should().BeFalse();
    }
}
