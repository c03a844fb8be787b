using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Calendar;
using Commendations.Domain.Campaigns;
using Commendations.Domain.Catalog;
using Commendations.Domain.Committees;
using Commendations.Domain.Units;
using Commendations.Features.Admin;
using Commendations.Features.Admin.AwardForms;
using Commendations.Features.Admin.Calendar;
using Commendations.Features.Admin.Campaigns;
using Commendations.Features.Admin.Committees;
using Commendations.Features.Admin.Units;
using Commendations.Features.Admin.Users;
using Commendations.Features.Nominations;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Features.Admin;

/// <summary>The administration use cases on real PostgreSQL: validation, refusals and audit.</summary>
public class AdminUseCaseTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private readonly NominationSteps _steps = new(app);
    private static readonly DemoAccounts.Account Admin = DemoAccounts.Admin;

    private async Task<Guid> UnitIdAsync(string code)
    {
        await using var db = app.CreateDbContext();
        return await db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync();
    }

    private async Task<IReadOnlyList<string>> AuditActionsAsync(string stream)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.Where(e => e.Stream == stream).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
    }

    [Fact]
    public async Task Everyone_but_an_administrator_is_refused_every_administration_use_case()
    {
        var steering = Guid.NewGuid();
        var requests = new List<MediatR.IBaseRequest>
        {
            new ListUnits(), new AddUnit("LG-X", "X", UnitLevel.Unit, Guid.NewGuid(), null), new ChangeUnit(Guid.NewGuid(), "X", null, null),
            new ListUsers(), new CreateUser("nguoi.moi", "Người mới", null, null, [Roles.Appraiser]), new UpdateUser(Guid.NewGuid(), "X", null, null, [Roles.Appraiser]),
            new SetUserLock(Guid.NewGuid(), true), new ListCommittees(), new CreateCommittee("bcd-moi", "Ban mới", CommitteeKind.SteeringCommittee),
            new AddCommitteeMember(steering, Guid.NewGuid(), "Ủy viên"), new RemoveCommitteeMember(steering, Guid.NewGuid()),
            new MoveCommitteeMember(steering, Guid.NewGuid(), true), new GetCampaignForEdit(null), new ListAwardForms(),
            new SaveAwardForm(null, "giay-khen-moi", "Giấy khen", [NomineeKind.Individual], []),
            new AdminAddCalendarDay(new DateOnly(2027, 3, 1), CalendarDayKind.DayOff, "Nghỉ"), new AdminRemoveCalendarDay(new DateOnly(2027, 2, 4)),
            new PreviewCalendarImport(CalendarImportSources.Shipped, null, null, 2026), new ApplyCalendarImport(CalendarImportSources.Shipped, null, null, 2026, "x"),
            new ListCalendarOffers(), new DismissShippedCalendar(2026),
        };
        foreach (var account in new[] { DemoAccounts.OfficerTanHoa, DemoAccounts.SteeringHead, DemoAccounts.Appraiser, DemoAccounts.Leader })
        {
            foreach (var request in requests)
            {
                var send = () => SendAny(account, request);
                await send.Should().ThrowAsync<ForbiddenException>($"{account.UserName} sends {request.GetType().Name}");
            }
        }
    }

    private async Task SendAny(DemoAccounts.Account account, MediatR.IBaseRequest request)
    {
        var method = typeof(LifecycleHarness).GetMethods().Single(m => m.Name == nameof(LifecycleHarness.Send)
            && m.GetParameters()[0].ParameterType == typeof(DemoAccounts.Account));
        var result = request.GetType().GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(MediatR.IRequest<>)).GetGenericArguments()[0];
        await (Task)method.MakeGenericMethod(result).Invoke(app, [account, request])!;
    }

    [Fact]
    public async Task Units_are_created_renamed_moved_without_cycles_and_put_in_a_cluster_and_every_change_is_audited()
    {
        var tanHoa = await UnitIdAsync(DemoUnits.TanHoa);
        var dongXuyen = await UnitIdAsync(DemoUnits.DongXuyen);
        var created = await app.Send(Admin, new AddUnit("LG-XTH-TYT", "Trạm Y tế xã Tân Hòa", UnitLevel.Unit, tanHoa, null));

        var tree = await app.Send(Admin, new ListUnits());
        var node = tree.Units.Single(u => u.Id == created);
        node.Depth.Should().Be(tree.Units.Single(u => u.Id == tanHoa).Depth + 1);
        tree.Units.ToList().FindIndex(u => u.Id == created).Should().BeGreaterThan(tree.Units.ToList().FindIndex(u => u.Id == tanHoa));

        var cluster = tree.Clusters.First();
        await app.Send(Admin, new ChangeUnit(created, "Trạm Y tế phường Đông Xuyên", dongXuyen, cluster.Id));
        node = (await app.Send(Admin, new ListUnits())).Units.Single(u => u.Id == created);
        node.Should().Match<UnitNode>(n => n.Name == "Trạm Y tế phường Đông Xuyên" && n.ParentId == dongXuyen && n.ClusterId == cluster.Id);

        var cycle = () => app.Send(Admin, new ChangeUnit(dongXuyen, "UBND phường Đông Xuyên", created, null));
        (await cycle.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("parentId");
        var bad = () => app.Send(Admin, new AddUnit("bad code", "", UnitLevel.Unit, null, null));
        (await bad.Should().ThrowAsync<InputException>()).Which.Errors.Keys.Should().Contain(["code", "name", "parentId"]);
        var stale = () => app.Send(Admin, new ChangeUnit(created, "Cũ", dongXuyen, null, ExpectedVersion: 1));
        (await stale.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("concurrent-change");

        (await AuditActionsAsync(AdminAccess.UnitsStream)).Should().Equal("unit.created", "unit.changed");
    }

    [Fact]
    public async Task An_account_is_created_with_a_temporary_password_given_roles_and_locked_but_an_administrator_cannot_lock_out_themselves()
    {
        var unit = await UnitIdAsync(DemoUnits.DongXuyen);
        var created = await app.Send(Admin, new CreateUser("canbo.moi", "Phạm Văn Mới", "Cán bộ thi đua", unit, [Roles.EmulationOfficer]));
        created.TemporaryPassword.Should().HaveLength(12);
        await using (var db = app.CreateDbContext())
        {
            var user = await db.Users.SingleAsync(u => u.Id == created.Id);
            new Microsoft.AspNetCore.Identity.PasswordHasher<Domain.Users.AppUser>().VerifyHashedPassword(user, user.PasswordHash!, created.TemporaryPassword)
                .Should().NotBe(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed);
        }

        await app.Send(Admin, new UpdateUser(created.Id, "Phạm Văn Mới", "Chuyên viên", unit, [Roles.EmulationOfficer, Roles.CommitteeMember]));
        await app.Send(Admin, new SetUserLock(created.Id, true));
        var row = (await app.Send(Admin, new ListUsers())).Single(u => u.Id == created.Id);
        row.Roles.Should().BeEquivalentTo(Roles.CommitteeMember, Roles.EmulationOfficer);
        row.Title.Should().Be("Chuyên viên");
        row.IsLockedOut.Should().BeTrue();
        await app.Send(Admin, new SetUserLock(created.Id, false));
        (await app.Send(Admin, new ListUsers())).Single(u => u.Id == created.Id).IsLockedOut.Should().BeFalse();

        var self = () => app.Send(Admin, new SetUserLock(app.UserId(Admin), true));
        (await self.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("self-lockout");
        var demote = () => app.Send(Admin, new UpdateUser(app.UserId(Admin), Admin.DisplayName, null, null, [Roles.Appraiser]));
        (await demote.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("roles");
        var duplicate = () => app.Send(Admin, new CreateUser("canbo.moi", "Trùng", null, unit, [Roles.Appraiser]));
        (await duplicate.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("userName");
        var weak = () => app.Send(Admin, new CreateUser("canbo.yeu", "Yếu", null, unit, [Roles.Appraiser], "abc"));
        (await weak.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("temporaryPassword");
        var invalid = () => app.Send(Admin, new CreateUser("Có Dấu", "", null, null, ["superuser"]));
        (await invalid.Should().ThrowAsync<InputException>()).Which.Errors.Keys.Should().Contain(["userName", "displayName", "roles"]);

        (await AuditActionsAsync(AdminAccess.UsersStream)).Should().Equal("user.created", "user.changed", "user.locked", "user.unlocked");
    }

    [Fact]
    public async Task Reordering_the_committee_changes_who_gets_the_first_sequential_task_of_the_next_nomination()
    {
        var committee = (await app.Send(Admin, new ListCommittees())).Single(c => c.Code == DemoCatalog.SteeringCommittee);
        committee.Members.Select(m => m.UserName).Should().Equal(NominationSteps.SteeringInOrder.Select(a => a.UserName));
        var before = await _steps.SubmittedCollectiveAsync();

        // The head moves from third to first.
        var head = app.UserId(DemoAccounts.SteeringHead);
        await app.Send(Admin, new MoveCommitteeMember(committee.Id, head, Up: true));
        var order = await app.Send(Admin, new MoveCommitteeMember(committee.Id, head, Up: true));
        order.Should().Equal(head, app.UserId(DemoAccounts.SteeringStandingMember), app.UserId(DemoAccounts.SteeringDeputyHead));
        var first = () => app.Send(Admin, new MoveCommitteeMember(committee.Id, head, Up: true));
        (await first.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("already-at-end");

        var after = await _steps.SubmittedCollectiveAsync();
        (await app.Send(DemoAccounts.SteeringHead, new GetInbox())).Select(t => t.NominationId).Should().Contain(after).And.NotContain(before);
        (await app.Send(DemoAccounts.SteeringStandingMember, new GetInbox())).Select(t => t.NominationId).Should().Contain(before).And.NotContain(after);
        (await app.Send(Admin, new ListCommittees())).Single(c => c.Code == DemoCatalog.SteeringCommittee).Members
            .Select(m => (m.UserName, m.Rank)).Should().Equal((DemoAccounts.SteeringHead.UserName, 1), (DemoAccounts.SteeringStandingMember.UserName, 2), (DemoAccounts.SteeringDeputyHead.UserName, 3));
        (await AuditActionsAsync(AdminAccess.CommitteesStream)).Should().Equal("committee.member-moved", "committee.member-moved");
    }

    [Fact]
    public async Task Committees_are_created_and_members_added_and_removed_with_ranks_kept_consecutive()
    {
        var id = await app.Send(Admin, new CreateCommittee("bcd-dvk", "Ban Chỉ đạo phong trào Dân vận khéo", CommitteeKind.SteeringCommittee));
        await app.Send(Admin, new AddCommitteeMember(id, app.UserId(DemoAccounts.SteeringHead), "Trưởng ban", IsChair: true));
        await app.Send(Admin, new AddCommitteeMember(id, app.UserId(DemoAccounts.SteeringDeputyHead), "Phó Trưởng ban"));
        (await app.Send(Admin, new AddCommitteeMember(id, app.UserId(DemoAccounts.SteeringStandingMember), "Ủy viên thường trực"))).Should().Be(3);
        await app.Send(Admin, new RemoveCommitteeMember(id, app.UserId(DemoAccounts.SteeringDeputyHead)));

        var members = (await app.Send(Admin, new ListCommittees())).Single(c => c.Id == id).Members;
        members.Select(m => (m.UserName, m.Rank)).Should().Equal((DemoAccounts.SteeringHead.UserName, 1), (DemoAccounts.SteeringStandingMember.UserName, 2));
        members[0].IsChair.Should().BeTrue();

        var officer = () => app.Send(Admin, new AddCommitteeMember(id, app.UserId(DemoAccounts.OfficerTanHoa), "Ủy viên"));
        (await officer.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("userId");
        var twice = () => app.Send(Admin, new AddCommitteeMember(id, app.UserId(DemoAccounts.SteeringHead), "Ủy viên"));
        (await twice.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("userId");
        var duplicate = () => app.Send(Admin, new CreateCommittee("bcd-dvk", "Trùng", CommitteeKind.Council));
        (await duplicate.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("code");
    }

    [Fact]
    public async Task A_campaign_is_created_and_edited_with_a_sensible_window_and_published_workflows_only()
    {
        var editor = await app.Send(Admin, new GetCampaignForEdit(null));
        var merit = editor.AwardForms.Single(f => f.Code == DemoCatalog.CertificateOfMerit).Id;
        // Offered by name (the version in force), saved by id.
        editor.PublishedWorkflows.Should().ContainEquivalentOf(
            new WorkflowChoice("bang-khen-chuyen-de", "Bằng khen của Chủ tịch UBND tỉnh – phong trào thi đua chuyên đề"));
        var input = new CampaignInput("PT-2027-DVK", "Dân vận khéo năm 2027", CampaignType.Thematic, "05/KH-BCĐ",
            new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31), new DateOnly(2027, 11, 20), new DateOnly(2027, 12, 10),
            [new CampaignAwardInput(merit, "bang-khen-chuyen-de", 10, 10)]);
        var id = await app.Send(Admin, new SaveCampaign(null, input));
        await app.Send(Admin, new SaveCampaign(id, input with { Name = "Dân vận khéo tỉnh Lam Giang năm 2027", DossierClose = new DateOnly(2027, 12, 15) }));

        var saved = (await app.Send(Admin, new GetCampaignForEdit(id))).Campaign!;
        saved.Name.Should().Be("Dân vận khéo tỉnh Lam Giang năm 2027");
        saved.DossierClose.Should().Be(new DateOnly(2027, 12, 15));
        saved.Awards.Should().ContainSingle().Which.QuotaCollectives.Should().Be(10);

        var backwards = () => app.Send(Admin, new SaveCampaign(null, input with { Code = "PT-X", DossierOpen = new DateOnly(2026, 12, 1), DossierClose = new DateOnly(2026, 11, 1) }));
        (await backwards.Should().ThrowAsync<InputException>()).Which.Errors.Keys.Should().Contain(["dossierOpen", "dossierClose"]);
        var late = () => app.Send(Admin, new SaveCampaign(null, input with { Code = "PT-Y", DossierClose = new DateOnly(2029, 1, 10) }));
        (await late.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("dossierClose");
        var unpublished = () => app.Send(Admin, new SaveCampaign(null, input with { Code = "PT-Z", Awards = [new CampaignAwardInput(merit, "khong-ton-tai", 1, 1)] }));
        (await unpublished.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("awards[0].workflowDefinitionId");
        var duplicate = () => app.Send(Admin, new SaveCampaign(null, input));
        (await duplicate.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("code");

        // An award form with nominations cannot be taken out of its campaign.
        await _steps.DraftCollectiveAsync();
        var current = await _steps.CampaignAsync(DemoCatalog.CurrentThematicCampaign);
        var currentInput = (await app.Send(Admin, new GetCampaignForEdit(current))).Campaign!;
        var fighter = editor.AwardForms.Single(f => f.Code == DemoCatalog.ProvincialEmulationFighter).Id;
        var removing = () => app.Send(Admin, new SaveCampaign(current, currentInput with { Awards = [new CampaignAwardInput(fighter, "csdt-tinh", null, 5)] }));
        (await removing.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("awards");
        (await AuditActionsAsync(AdminAccess.CampaignsStream)).Should().Equal("campaign.created", "campaign.changed");
    }

    [Fact]
    public async Task Award_forms_are_created_and_edited_but_keep_their_code()
    {
        var id = await app.Send(Admin, new SaveAwardForm(null, "giay-khen-so", "Giấy khen của Giám đốc Sở", [NomineeKind.Individual, NomineeKind.Collective], [DocumentKind.SubmissionLetter]));
        await app.Send(Admin, new SaveAwardForm(id, "giay-khen-so", "Giấy khen của Giám đốc Sở Nội vụ", [NomineeKind.Individual], [DocumentKind.SubmissionLetter, DocumentKind.AchievementReport]));
        var form = (await app.Send(Admin, new ListAwardForms())).Single(f => f.Id == id);
        form.Name.Should().Be("Giấy khen của Giám đốc Sở Nội vụ");
        form.NomineeKinds.Should().Equal(NomineeKind.Individual);
        form.RequiredDocuments.Should().Equal(DocumentKind.SubmissionLetter, DocumentKind.AchievementReport);

        var recode = () => app.Send(Admin, new SaveAwardForm(id, "giay-khen-khac", "X", [NomineeKind.Individual], []));
        (await recode.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("code");
        var empty = () => app.Send(Admin, new SaveAwardForm(null, "", "", [], []));
        (await empty.Should().ThrowAsync<InputException>()).Which.Errors.Keys.Should().Contain(["code", "name", "nomineeKinds"]);
        (await AuditActionsAsync(AdminAccess.AwardFormsStream)).Should().Equal("award-form.created", "award-form.changed");
    }

    [Fact]
    public async Task Calendar_days_added_and_removed_by_the_administration_are_audited()
    {
        await app.Send(Admin, new AdminAddCalendarDay(new DateOnly(2027, 3, 6), CalendarDayKind.WorkingDay, "Làm bù"));
        var twice = () => app.Send(Admin, new AdminAddCalendarDay(new DateOnly(2027, 3, 6), CalendarDayKind.DayOff, "Trùng"));
        (await twice.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("date");
        await app.Send(Admin, new AdminRemoveCalendarDay(new DateOnly(2027, 3, 6)));
        (await AuditActionsAsync(AdminAccess.CalendarStream)).Should().Equal("calendar.day-added", "calendar.day-removed");
    }
}
