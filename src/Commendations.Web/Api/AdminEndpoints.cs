using Microsoft.AspNetCore.Http.HttpResults;
using Commendations.Domain.Calendar;
using Commendations.Domain.Campaigns;
using Commendations.Domain.Catalog;
using Commendations.Domain.Committees;
using Commendations.Domain.Documents;
using Commendations.Features.Documents;
using Commendations.Domain.Units;
using Commendations.Features.Admin.AwardForms;
using Commendations.Features.Admin.Calendar;
using Commendations.Features.Admin.Campaigns;
using Commendations.Features.Admin.Committees;
using Commendations.Features.Admin.Units;
using Commendations.Features.Admin.Users;
using Commendations.Features.Calendar;
using Commendations.Features.Dashboard;
using Commendations.Web.Auth;
using MediatR;

namespace Commendations.Web.Api;

/// <summary>
/// Administration under /api/admin (administrators only; everyone else 403): units, users and roles, committees and member
/// order, campaigns, award forms and the holiday calendar — everything the administration pages do. Also the campaign
/// dashboard (/api/campaigns/{id}/dashboard) for everyone who may see the campaign's progress.
/// Missing body fields reach the use cases as empty values, so they come back as 400 field errors.
/// </summary>
public static class AdminEndpoints
{
    public sealed record UnitBody(string? Code, string? Name, UnitLevel? Level, Guid? ParentId, Guid? ClusterId, uint? Version);
    public sealed record UserBody(string? UserName, string? DisplayName, string? Title, Guid? UnitId, List<string>? Roles, string? TemporaryPassword);
    /// <summary>The committee's members in their new order, by user id.</summary>
    public sealed record MemberOrder(IReadOnlyList<Guid> Order);

    public sealed record CommitteeBody(string? Code, string? Name, CommitteeKind? Kind);
    public sealed record MemberBody(Guid? UserId, string? Position, bool IsChair = false, bool IsSecretary = false);
    public sealed record MoveBody(string? Direction);
    public sealed record RecipientsBody(List<string>? Recipients);
    public sealed record LegalInstrumentBody(LegalInstrumentKind? Kind, string? Name, string? Number, DateOnly? IssuedOn, string? Issuer, string? Subject,
        DateOnly? AppliesFrom, DateOnly? AppliesUntil, int? Order, string? Source);
    public sealed record SigningAuthorityBody(DateOnly? EffectiveFrom, string? IssuerName, string? Place, string? AuthorityLine, string? HeadTitle,
        string? DeputyTitle, string? ProposalLine, string? ExecutionLine, List<string>? Recipients);

    private static SaveLegalInstrument Save(Guid? id, LegalInstrumentBody b) => new(id, b.Kind ?? (LegalInstrumentKind)(-1), b.Name ?? "", b.Number ?? "",
        b.IssuedOn ?? default, b.Issuer ?? "", b.Subject ?? "", b.AppliesFrom ?? default, b.AppliesUntil, b.Order ?? 0, b.Source);
    public sealed record CampaignBody(string? Code, string? Name, CampaignType? Type, string? PlanReference, DateOnly? PeriodStart, DateOnly? PeriodEnd,
        DateOnly? DossierOpen, DateOnly? DossierClose, List<CampaignAwardBody>? Awards);
    public sealed record CampaignAwardBody(Guid? AwardFormId, string? WorkflowDefinitionId, int? QuotaCollectives, int? QuotaIndividuals);
    public sealed record AwardFormBody(string? Code, string? Name, List<NomineeKind>? NomineeKinds, List<DocumentKind>? RequiredDocuments, string? CertificateTitle = null);
    public sealed record CalendarDayBody(DateOnly? Date, CalendarDayKind? Kind, string? Name, string? Source = null, bool? Provisional = null,
        DateOnly? SwappedWith = null);
    /// <summary>A year's calendar to import: <c>source</c> "file" (with <c>format</c> json or csv and the file's <c>content</c>) or "shipped".</summary>
    public sealed record CalendarImportBody(string? Source, string? Format, string? Content, int? Year, string? ContentHash = null);

    /// <summary>A second administrator's decision on a repair request; a note is required to decline.</summary>
    public sealed record RepairDecisionBody(bool Approve, string? Note);

    public static void MapAdminEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/campaigns/{id:guid}/dashboard", (IMediator m, Guid id, CancellationToken ct) => m.Send(new GetCampaignDashboard(id), ct))
            .WithTags("Dashboard")
            .WithSummary("A campaign's dashboard: nominations by step and unit, overdue work");

        var admin = api.MapGroup("/admin").WithTags("Administration").RequireAuthorization(Policies.Administrator);

        // What definitions are validated against, for `validate-workflow --organisation` (README "Workflow definitions").
        admin.MapGet("/organisation", (IMediator m, CancellationToken ct) => m.Send(new Features.Definitions.ExportOrganisation(), ct))
            .WithSummary("The organisation as the designer sees it: units, roles, committees, people");

        admin.MapGet("/incidents", (IMediator m, CancellationToken ct) => m.Send(new Features.Incidents.ListIncidents(), ct))
            .WithSummary("Open incidents: stuck routes, failed jobs and undelivered messages");
        admin.MapPost("/incidents/sweep", (IMediator m, CancellationToken ct) => m.Send(new Features.Incidents.SweepIncidents(), ct))
            .WithSummary("Look for new incidents now instead of waiting for the periodic sweep");
        admin.MapPost("/outbox/{id}/retry", (IMediator m, long id, CancellationToken ct) => m.Send(new Features.Repairs.RetryOutboxMessage(id), ct))
            .WithSummary("Send an undelivered outbox message again");
        admin.MapPost("/job-failures/{id}/retry", (IMediator m, Guid id, CancellationToken ct) => m.Send(new Features.Repairs.RetryFailedJob(id), ct))
            .WithSummary("Run a failed scheduled job again");
        admin.MapGet("/repair-requests", (IMediator m, CancellationToken ct) => m.Send(new Features.Repairs.ListRepairRequests(), ct))
            .WithSummary("Repairs waiting for a second administrator's approval");
        admin.MapPost("/repair-requests/{id}/decision", (IMediator m, Guid id, RepairDecisionBody body, CancellationToken ct) =>
            m.Send(new Features.Repairs.DecideRepairRequest(id, body.Approve, body.Note), ct))
            .WithSummary("Approve or refuse a repair another administrator requested");

        admin.MapGet("/units", (IMediator m, CancellationToken ct) => m.Send(new ListUnits(), ct))
            .WithSummary("Every unit");
        admin.MapPost("/units", async (IMediator m, UnitBody body, CancellationToken ct) =>
        {
            var id = await m.Send(new AddUnit(body.Code ?? "", body.Name ?? "", body.Level ?? (UnitLevel)(-1), body.ParentId, body.ClusterId), ct);
            return TypedResults.Created($"/api/admin/units/{id}", new { id });
        })
            .WithSummary("Add a unit");
        admin.MapPut("/units/{id:guid}", async (IMediator m, Guid id, UnitBody body, CancellationToken ct) =>
            new { version = await m.Send(new ChangeUnit(id, body.Name ?? "", body.ParentId, body.ClusterId, body.Version), ct) })
            .WithSummary("Change a unit's name, parent or cluster");

        admin.MapGet("/users", (IMediator m, CancellationToken ct) => m.Send(new ListUsers(), ct))
            .WithSummary("Every user account");
        admin.MapPost("/users", async (IMediator m, UserBody body, CancellationToken ct) =>
        {
            var created = await m.Send(new CreateUser(body.UserName ?? "", body.DisplayName ?? "", body.Title, body.UnitId, body.Roles ?? [], body.TemporaryPassword), ct);
            return TypedResults.Created($"/api/admin/users/{created.Id}", created);
        })
            .WithSummary("Create a user account");
        admin.MapPut("/users/{id:guid}", async (IMediator m, Guid id, UserBody body, CancellationToken ct) =>
        {
            await m.Send(new UpdateUser(id, body.DisplayName ?? "", body.Title, body.UnitId, body.Roles ?? []), ct);
            return TypedResults.NoContent();
        })
            .WithSummary("Change a user's name, title, unit and roles");
        admin.MapPost("/users/{id:guid}/lock", async (IMediator m, Guid id, CancellationToken ct) =>
        {
            await m.Send(new SetUserLock(id, true), ct);
            return TypedResults.NoContent();
        })
            .WithSummary("Lock a user out");
        admin.MapPost("/users/{id:guid}/unlock", async (IMediator m, Guid id, CancellationToken ct) =>
        {
            await m.Send(new SetUserLock(id, false), ct);
            return TypedResults.NoContent();
        })
            .WithSummary("Unlock a user");

        admin.MapGet("/committees", (IMediator m, CancellationToken ct) => m.Send(new ListCommittees(), ct))
            .WithSummary("Every committee and council with its members in order");
        admin.MapPost("/committees", async (IMediator m, CommitteeBody body, CancellationToken ct) =>
        {
            var id = await m.Send(new CreateCommittee(body.Code ?? "", body.Name ?? "", body.Kind ?? (CommitteeKind)(-1)), ct);
            return TypedResults.Created($"/api/admin/committees/{id}", new { id });
        })
            .WithSummary("Create a committee or council");
        admin.MapPut("/committees/{id:guid}/minutes-recipients", async (IMediator m, Guid id, RecipientsBody body, CancellationToken ct) =>
        {
            await m.Send(new SetMinutesRecipients(id, body.Recipients ?? []), ct);
            return TypedResults.NoContent();
        })
            .WithSummary("Set who receives the committee's minutes (Nơi nhận)");
        admin.MapPost("/committees/{id:guid}/members", async (IMediator m, Guid id, MemberBody body, CancellationToken ct) =>
            new { rank = await m.Send(new AddCommitteeMember(id, body.UserId ?? Guid.Empty, body.Position ?? "", body.IsChair, body.IsSecretary), ct) })
            .WithSummary("Add a member to a committee");
        admin.MapDelete("/committees/{id:guid}/members/{userId:guid}", async (IMediator m, Guid id, Guid userId, CancellationToken ct) =>
        {
            await m.Send(new RemoveCommitteeMember(id, userId), ct);
            return TypedResults.NoContent();
        })
            .WithSummary("Remove a member from a committee");
        admin.MapPost("/committees/{id:guid}/members/{userId:guid}/move", async Task<Ok<MemberOrder>> (IMediator m, Guid id, Guid userId, MoveBody body, CancellationToken ct) =>
        {
            if (body.Direction is not ("up" or "down"))
                throw new Common.Errors.InputException("direction", new Common.Text.Message("Chọn “up” (xử lý sớm hơn) hoặc “down” (xử lý muộn hơn)."));
            return TypedResults.Ok(new MemberOrder(await m.Send(new MoveCommitteeMember(id, userId, body.Direction == "up"), ct)));
        })
            .WithSummary("Move a member up or down the committee's order");

        admin.MapGet("/campaigns/editor", (IMediator m, Guid? id, CancellationToken ct) => m.Send(new GetCampaignForEdit(id), ct))
            .WithSummary("A campaign as the editor shows it (empty for a new one), with the choices it offers");
        admin.MapPost("/campaigns", async (IMediator m, CampaignBody body, CancellationToken ct) =>
        {
            var id = await m.Send(new SaveCampaign(null, Input(body)), ct);
            return TypedResults.Created($"/api/admin/campaigns/{id}", new { id });
        })
            .WithSummary("Create a campaign");
        admin.MapPut("/campaigns/{id:guid}", async (IMediator m, Guid id, CampaignBody body, CancellationToken ct) =>
        {
            await m.Send(new SaveCampaign(id, Input(body)), ct);
            return TypedResults.NoContent();
        })
            .WithSummary("Change a campaign");

        admin.MapGet("/legal-instruments", (IMediator m, CancellationToken ct) => m.Send(new ListLegalInstruments(), ct))
            .WithSummary("The legal instruments decisions cite");
        admin.MapPost("/legal-instruments", async (IMediator m, LegalInstrumentBody body, CancellationToken ct) =>
        {
            var saved = await m.Send(Save(null, body), ct);
            return TypedResults.Created($"/api/admin/legal-instruments/{saved.Id}", saved);
        })
            .WithSummary("Add a legal instrument");
        admin.MapPut("/legal-instruments/{id:guid}", (IMediator m, Guid id, LegalInstrumentBody body, CancellationToken ct) => m.Send(Save(id, body), ct))
            .WithSummary("Change a legal instrument");
        admin.MapGet("/signing-authorities", (IMediator m, CancellationToken ct) => m.Send(new ListSigningAuthorities(), ct))
            .WithSummary("Who signs decisions, from which date, with which authority line");
        admin.MapPost("/signing-authorities", async (IMediator m, SigningAuthorityBody b, CancellationToken ct) =>
        {
            var added = await m.Send(new AddSigningAuthority(b.EffectiveFrom ?? default, b.IssuerName ?? "", b.Place ?? "", b.AuthorityLine ?? "", b.HeadTitle ?? "",
                b.DeputyTitle ?? "", b.ProposalLine ?? "", b.ExecutionLine ?? "", b.Recipients ?? []), ct);
            return TypedResults.Created("/api/admin/signing-authorities", added);
        })
            .WithSummary("Add a signing authority from a date");

        admin.MapGet("/award-forms", (IMediator m, CancellationToken ct) => m.Send(new ListAwardForms(), ct))
            .WithSummary("Every award form");
        admin.MapPost("/award-forms", async (IMediator m, AwardFormBody body, CancellationToken ct) =>
        {
            var id = await m.Send(new SaveAwardForm(null, body.Code ?? "", body.Name ?? "", body.NomineeKinds ?? [], body.RequiredDocuments ?? [], body.CertificateTitle), ct);
            return TypedResults.Created($"/api/admin/award-forms/{id}", new { id });
        })
            .WithSummary("Add an award form");
        admin.MapPut("/award-forms/{id:guid}", async (IMediator m, Guid id, AwardFormBody body, CancellationToken ct) =>
        {
            await m.Send(new SaveAwardForm(id, body.Code ?? "", body.Name ?? "", body.NomineeKinds ?? [], body.RequiredDocuments ?? [], body.CertificateTitle), ct);
            return TypedResults.NoContent();
        })
            .WithSummary("Change an award form");

        admin.MapGet("/calendar/days", (IMediator m, int? year, CancellationToken ct) => m.Send(new ListCalendarDays(year), ct))
            .WithSummary("The working-day calendar's days off and compensatory working days of a year");
        admin.MapPost("/calendar/days", async (IMediator m, CalendarDayBody body, CancellationToken ct) =>
        {
            var changed = await m.Send(new AdminAddCalendarDay(body.Date ?? default, body.Kind ?? (CalendarDayKind)(-1), body.Name ?? "", body.Source,
                body.Provisional ?? false, body.SwappedWith), ct);
            return TypedResults.Created($"/api/admin/calendar/days/{changed.Day!.Date:yyyy-MM-dd}", changed);
        })
            .WithSummary("Add a day off or a compensatory working day (moves running deadlines)");
        // 200 with the running deadlines the removal moved (recomputed and notified).
        admin.MapDelete("/calendar/days/{date}", (IMediator m, DateOnly date, CancellationToken ct) => m.Send(new AdminRemoveCalendarDay(date), ct))
            .WithSummary("Remove a day from the calendar (moves running deadlines)");
        admin.MapPost("/calendar/imports/preview", (IMediator m, CalendarImportBody body, CancellationToken ct) =>
            m.Send(new PreviewCalendarImport(body.Source, body.Format, body.Content, body.Year), ct))
            .WithSummary("Preview a calendar import: days added, changed, removed and deadlines moved");
        admin.MapPost("/calendar/imports", (IMediator m, CalendarImportBody body, CancellationToken ct) =>
            m.Send(new ApplyCalendarImport(body.Source, body.Format, body.Content, body.Year, body.ContentHash), ct))
            .WithSummary("Import a calendar file (applies the previewed changes)");
        admin.MapGet("/calendar/offers", (IMediator m, CancellationToken ct) => m.Send(new ListCalendarOffers(), ct))
            .WithSummary("Shipped calendars newer than the installation's, offered for import");
        admin.MapPost("/calendar/offers/{year}/dismissal", async (IMediator m, int year, CancellationToken ct) =>
        {
            await m.Send(new DismissShippedCalendar(year), ct);
            return TypedResults.NoContent();
        })
            .WithSummary("Dismiss the shipped calendar offered for a year");
    }

    private static CampaignInput Input(CampaignBody body) => new(
        body.Code ?? "", body.Name ?? "", body.Type ?? (CampaignType)(-1), body.PlanReference,
        body.PeriodStart ?? default, body.PeriodEnd ?? default, body.DossierOpen ?? default, body.DossierClose ?? default,
        (body.Awards ?? []).Select(a => new CampaignAwardInput(a.AwardFormId ?? Guid.Empty, a.WorkflowDefinitionId ?? "", a.QuotaCollectives, a.QuotaIndividuals)).ToList());
}
