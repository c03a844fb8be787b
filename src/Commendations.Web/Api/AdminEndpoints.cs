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
            .WithTags("Dashboard");

        var admin = api.MapGroup("/admin").WithTags("Administration").RequireAuthorization(Policies.Administrator);

        // What definitions are validated against, for `validate-workflow --organisation` (README "Workflow definitions").
        admin.MapGet("/organisation", (IMediator m, CancellationToken ct) => m.Send(new Features.Definitions.ExportOrganisation(), ct));

        admin.MapGet("/incidents", (IMediator m, CancellationToken ct) => m.Send(new Features.Incidents.ListIncidents(), ct));
        admin.MapPost("/incidents/sweep", (IMediator m, CancellationToken ct) => m.Send(new Features.Incidents.SweepIncidents(), ct));
        admin.MapPost("/outbox/{id}/retry", (IMediator m, long id, CancellationToken ct) => m.Send(new Features.Repairs.RetryOutboxMessage(id), ct));
        admin.MapPost("/job-failures/{id}/retry", (IMediator m, Guid id, CancellationToken ct) => m.Send(new Features.Repairs.RetryFailedJob(id), ct));
        admin.MapGet("/repair-requests", (IMediator m, CancellationToken ct) => m.Send(new Features.Repairs.ListRepairRequests(), ct));
        admin.MapPost("/repair-requests/{id}/decision", (IMediator m, Guid id, RepairDecisionBody body, CancellationToken ct) =>
            m.Send(new Features.Repairs.DecideRepairRequest(id, body.Approve, body.Note), ct));

        admin.MapGet("/units", (IMediator m, CancellationToken ct) => m.Send(new ListUnits(), ct));
        admin.MapPost("/units", async (IMediator m, UnitBody body, CancellationToken ct) =>
        {
            var id = await m.Send(new AddUnit(body.Code ?? "", body.Name ?? "", body.Level ?? (UnitLevel)(-1), body.ParentId, body.ClusterId), ct);
            return TypedResults.Created($"/api/admin/units/{id}", new { id });
        });
        admin.MapPut("/units/{id:guid}", async (IMediator m, Guid id, UnitBody body, CancellationToken ct) =>
            new { version = await m.Send(new ChangeUnit(id, body.Name ?? "", body.ParentId, body.ClusterId, body.Version), ct) });

        admin.MapGet("/users", (IMediator m, CancellationToken ct) => m.Send(new ListUsers(), ct));
        admin.MapPost("/users", async (IMediator m, UserBody body, CancellationToken ct) =>
        {
            var created = await m.Send(new CreateUser(body.UserName ?? "", body.DisplayName ?? "", body.Title, body.UnitId, body.Roles ?? [], body.TemporaryPassword), ct);
            return TypedResults.Created($"/api/admin/users/{created.Id}", created);
        });
        admin.MapPut("/users/{id:guid}", async (IMediator m, Guid id, UserBody body, CancellationToken ct) =>
        {
            await m.Send(new UpdateUser(id, body.DisplayName ?? "", body.Title, body.UnitId, body.Roles ?? []), ct);
            return TypedResults.NoContent();
        });
        admin.MapPost("/users/{id:guid}/lock", async (IMediator m, Guid id, CancellationToken ct) =>
        {
            await m.Send(new SetUserLock(id, true), ct);
            return TypedResults.NoContent();
        });
        admin.MapPost("/users/{id:guid}/unlock", async (IMediator m, Guid id, CancellationToken ct) =>
        {
            await m.Send(new SetUserLock(id, false), ct);
            return TypedResults.NoContent();
        });

        admin.MapGet("/committees", (IMediator m, CancellationToken ct) => m.Send(new ListCommittees(), ct));
        admin.MapPost("/committees", async (IMediator m, CommitteeBody body, CancellationToken ct) =>
        {
            var id = await m.Send(new CreateCommittee(body.Code ?? "", body.Name ?? "", body.Kind ?? (CommitteeKind)(-1)), ct);
            return TypedResults.Created($"/api/admin/committees/{id}", new { id });
        });
        admin.MapPut("/committees/{id:guid}/minutes-recipients", async (IMediator m, Guid id, RecipientsBody body, CancellationToken ct) =>
        {
            await m.Send(new SetMinutesRecipients(id, body.Recipients ?? []), ct);
            return TypedResults.NoContent();
        });
        admin.MapPost("/committees/{id:guid}/members", async (IMediator m, Guid id, MemberBody body, CancellationToken ct) =>
            new { rank = await m.Send(new AddCommitteeMember(id, body.UserId ?? Guid.Empty, body.Position ?? "", body.IsChair, body.IsSecretary), ct) });
        admin.MapDelete("/committees/{id:guid}/members/{userId:guid}", async (IMediator m, Guid id, Guid userId, CancellationToken ct) =>
        {
            await m.Send(new RemoveCommitteeMember(id, userId), ct);
            return TypedResults.NoContent();
        });
        admin.MapPost("/committees/{id:guid}/members/{userId:guid}/move", async Task<IResult> (IMediator m, Guid id, Guid userId, MoveBody body, CancellationToken ct) =>
        {
            if (body.Direction is not ("up" or "down"))
                throw new Common.Errors.InputException("direction", new Common.Text.Message("Chọn “up” (xử lý sớm hơn) hoặc “down” (xử lý muộn hơn)."));
            return TypedResults.Ok(new { order = await m.Send(new MoveCommitteeMember(id, userId, body.Direction == "up"), ct) });
        });

        admin.MapGet("/campaigns/editor", (IMediator m, Guid? id, CancellationToken ct) => m.Send(new GetCampaignForEdit(id), ct));
        admin.MapPost("/campaigns", async (IMediator m, CampaignBody body, CancellationToken ct) =>
        {
            var id = await m.Send(new SaveCampaign(null, Input(body)), ct);
            return TypedResults.Created($"/api/admin/campaigns/{id}", new { id });
        });
        admin.MapPut("/campaigns/{id:guid}", async (IMediator m, Guid id, CampaignBody body, CancellationToken ct) =>
        {
            await m.Send(new SaveCampaign(id, Input(body)), ct);
            return TypedResults.NoContent();
        });

        admin.MapGet("/legal-instruments", (IMediator m, CancellationToken ct) => m.Send(new ListLegalInstruments(), ct));
        admin.MapPost("/legal-instruments", async (IMediator m, LegalInstrumentBody body, CancellationToken ct) =>
        {
            var saved = await m.Send(Save(null, body), ct);
            return TypedResults.Created($"/api/admin/legal-instruments/{saved.Id}", saved);
        });
        admin.MapPut("/legal-instruments/{id:guid}", (IMediator m, Guid id, LegalInstrumentBody body, CancellationToken ct) => m.Send(Save(id, body), ct));
        admin.MapGet("/signing-authorities", (IMediator m, CancellationToken ct) => m.Send(new ListSigningAuthorities(), ct));
        admin.MapPost("/signing-authorities", async (IMediator m, SigningAuthorityBody b, CancellationToken ct) =>
        {
            var added = await m.Send(new AddSigningAuthority(b.EffectiveFrom ?? default, b.IssuerName ?? "", b.Place ?? "", b.AuthorityLine ?? "", b.HeadTitle ?? "",
                b.DeputyTitle ?? "", b.ProposalLine ?? "", b.ExecutionLine ?? "", b.Recipients ?? []), ct);
            return TypedResults.Created("/api/admin/signing-authorities", added);
        });

        admin.MapGet("/award-forms", (IMediator m, CancellationToken ct) => m.Send(new ListAwardForms(), ct));
        admin.MapPost("/award-forms", async (IMediator m, AwardFormBody body, CancellationToken ct) =>
        {
            var id = await m.Send(new SaveAwardForm(null, body.Code ?? "", body.Name ?? "", body.NomineeKinds ?? [], body.RequiredDocuments ?? [], body.CertificateTitle), ct);
            return TypedResults.Created($"/api/admin/award-forms/{id}", new { id });
        });
        admin.MapPut("/award-forms/{id:guid}", async (IMediator m, Guid id, AwardFormBody body, CancellationToken ct) =>
        {
            await m.Send(new SaveAwardForm(id, body.Code ?? "", body.Name ?? "", body.NomineeKinds ?? [], body.RequiredDocuments ?? [], body.CertificateTitle), ct);
            return TypedResults.NoContent();
        });

        admin.MapGet("/calendar/days", (IMediator m, int? year, CancellationToken ct) => m.Send(new ListCalendarDays(year), ct));
        admin.MapPost("/calendar/days", async (IMediator m, CalendarDayBody body, CancellationToken ct) =>
        {
            var changed = await m.Send(new AdminAddCalendarDay(body.Date ?? default, body.Kind ?? (CalendarDayKind)(-1), body.Name ?? "", body.Source,
                body.Provisional ?? false, body.SwappedWith), ct);
            return TypedResults.Created($"/api/admin/calendar/days/{changed.Day!.Date:yyyy-MM-dd}", changed);
        });
        // 200 with the running deadlines the removal moved (recomputed and notified).
        admin.MapDelete("/calendar/days/{date}", (IMediator m, DateOnly date, CancellationToken ct) => m.Send(new AdminRemoveCalendarDay(date), ct));
        admin.MapPost("/calendar/imports/preview", (IMediator m, CalendarImportBody body, CancellationToken ct) =>
            m.Send(new PreviewCalendarImport(body.Source, body.Format, body.Content, body.Year), ct));
        admin.MapPost("/calendar/imports", (IMediator m, CalendarImportBody body, CancellationToken ct) =>
            m.Send(new ApplyCalendarImport(body.Source, body.Format, body.Content, body.Year, body.ContentHash), ct));
        admin.MapGet("/calendar/offers", (IMediator m, CancellationToken ct) => m.Send(new ListCalendarOffers(), ct));
        admin.MapPost("/calendar/offers/{year}/dismissal", async (IMediator m, int year, CancellationToken ct) =>
        {
            await m.Send(new DismissShippedCalendar(year), ct);
            return TypedResults.NoContent();
        });
    }

    private static CampaignInput Input(CampaignBody body) => new(
        body.Code ?? "", body.Name ?? "", body.Type ?? (CampaignType)(-1), body.PlanReference,
        body.PeriodStart ?? default, body.PeriodEnd ?? default, body.DossierOpen ?? default, body.DossierClose ?? default,
        (body.Awards ?? []).Select(a => new CampaignAwardInput(a.AwardFormId ?? Guid.Empty, a.WorkflowDefinitionId ?? "", a.QuotaCollectives, a.QuotaIndividuals)).ToList());
}
