using System.Globalization;
using System.Text.Json;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Catalog;
using Commendations.Domain.Units;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Features.Nominations;
using Commendations.Persistence;
using Commendations.Workflow;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Documents.Appraisal;

/// <summary>
/// What the commendation office reports to the provincial leader after appraisal (báo cáo kết quả thẩm định): the
/// nominations of a campaign — of one award form, when asked — that passed appraisal and wait at the decision step, each
/// with the council's vote where there was one and the appraiser's comment. For appraisers, the leader and administrators.
/// </summary>
[Allowed(Roles.Appraiser, Roles.ProvincialLeader, Roles.Administrator)]
public sealed record GetAppraisalReport(Guid CampaignId, Guid? AwardFormId = null) : IQuery<AppraisalReport>;

/// <param name="Office">The office that appraised ("Sở Nội vụ tỉnh Lam Giang – Phòng Thi đua, khen thưởng").</param>
/// <param name="ProvinceName">The body whose head decides ("Ủy ban nhân dân tỉnh Lam Giang").</param>
/// <param name="Place">The date line's place ("Lam Giang").</param>
/// <param name="Date">The report's date: today in Vietnam.</param>
public sealed record AppraisalReport(
    string CampaignCode, string CampaignName, string? AwardFormName, string Office, string ProvinceName, string Place, DateOnly Date,
    IReadOnlyList<AppraisedNomination> Nominations, AppraisalSigner Signer);

/// <param name="VoteResult">"Đạt: 5/5 thành viên đồng ý (100%)", or null when no council voted on it.</param>
/// <param name="AppraisalComment">The appraiser's comment when forwarding it for decision.</param>
public sealed record AppraisedNomination(
    Guid NominationId, NomineeKind Kind, string NomineeName, string UnitName, string AwardFormName, string? VoteResult, string? AppraisalComment);

/// <summary>Who drafts and signs the report: the appraiser who last forwarded one of its nominations (else the reader).</summary>
public sealed record AppraisalSigner(string Name, string? Title);

public sealed class GetAppraisalReportHandler(CommendationsDbContext db, DefinitionSemantics semantics, DocumentData documents, ICurrentUser user,
    TimeProvider clock) : IRequestHandler<GetAppraisalReport, AppraisalReport>
{
    private static readonly CultureInfo Vietnamese = new("vi-VN");

    public async Task<AppraisalReport> Handle(GetAppraisalReport request, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CampaignId, cancellationToken)
                       ?? throw new NotFoundException(Things.Campaign);
        string? awardFormName = null;
        if (request.AwardFormId is { } formId)
            awardFormName = await db.AwardForms.AsNoTracking().Where(a => a.Id == formId).Select(a => a.Name).SingleOrDefaultAsync(cancellationToken)
                            ?? throw new InputException("awardFormId", new Message("Không tìm thấy hình thức khen thưởng."));

        var waiting = await WaitingForDecisionAsync(campaign.Id, request.AwardFormId, cancellationToken);
        var rows = await db.Nominations.AsNoTracking().Where(n => waiting.Contains(n.Id))
            .Join(db.Units, n => n.UnitId, u => u.Id, (n, u) => new { n, UnitName = u.Name })
            .Join(db.AwardForms, x => x.n.AwardFormId, a => a.Id, (x, a) => new { x.n, x.UnitName, AwardName = a.Name })
            .ToListAsync(cancellationToken);
        var appraisals = await AppraisalsAsync(waiting, cancellationToken);
        var votes = await VotesAsync(waiting, cancellationToken);
        var vietnamese = StringComparer.Create(Vietnamese, true);
        // As the decision will list them: collectives first, then individuals and households, by name.
        var nominations = rows
            .OrderBy(x => x.AwardName, vietnamese).ThenBy(x => x.n.Kind == NomineeKind.Collective ? 0 : 1).ThenBy(x => x.n.NomineeName, vietnamese)
            .Select(x => new AppraisedNomination(x.n.Id, x.n.Kind, x.n.NomineeName, x.UnitName, x.AwardName, votes.GetValueOrDefault(x.n.Id),
                appraisals.GetValueOrDefault(x.n.Id)?.Comment))
            .ToList();

        var today = VietnamTime.Today(clock);
        var authority = await documents.AuthorityOnAsync(today, cancellationToken);
        var province = await db.Units.AsNoTracking().Where(u => u.Level == UnitLevel.Province).OrderBy(u => u.Code)
            .Select(u => u.Name).FirstOrDefaultAsync(cancellationToken) ?? "Ủy ban nhân dân tỉnh";
        var appraiserId = appraisals.Values.OrderByDescending(a => a.At).Select(a => (Guid?)a.ActorId).FirstOrDefault() ?? user.UserId;
        var appraiser = await db.Users.AsNoTracking().Where(u => u.Id == appraiserId)
            .Select(u => new { u.DisplayName, u.Title, u.UnitId }).SingleOrDefaultAsync(cancellationToken);
        var office = appraiser?.UnitId is { } unitId
            ? await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new AppraisalReport(campaign.Code, campaign.Name, awardFormName, office ?? "Cơ quan thường trực Hội đồng Thi đua - Khen thưởng",
            province, authority.Place, today, nominations, new AppraisalSigner(appraiser?.DisplayName ?? user.DisplayName, appraiser?.Title));
    }

    /// <summary>The campaign's nominations with an open task at a decision step of their definition (whatever it is called).</summary>
    private async Task<List<Guid>> WaitingForDecisionAsync(Guid campaignId, Guid? awardFormId, CancellationToken cancellationToken)
    {
        var open = await (from t in db.Tasks
                          join i in db.WorkflowInstances on t.InstanceId equals i.Id
                          join n in db.Nominations on t.NominationId equals n.Id
                          where t.CampaignId == campaignId && t.Status == WorkflowTaskStatus.Open && (awardFormId == null || n.AwardFormId == awardFormId)
                          select new { t.NominationId, t.StepKey, i.DefinitionId, i.DefinitionVersion }).ToListAsync(cancellationToken);
        var definitions = await DefinitionsAsync(open.Select(o => (o.DefinitionId, o.DefinitionVersion)), cancellationToken);
        return open.Where(o => DefinitionSemantics.IsDecision(definitions[(o.DefinitionId, o.DefinitionVersion)], o.StepKey))
            .Select(o => o.NominationId).Distinct().ToList();
    }

    private async Task<Dictionary<(string, int), WorkflowDefinition>> DefinitionsAsync(IEnumerable<(string Id, int Version)> versions,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<(string, int), WorkflowDefinition>();
        foreach (var version in versions.Distinct())
            result[version] = await semantics.OfAsync(version.Id, version.Version, cancellationToken);
        return result;
    }

    private sealed record Appraisal(string? Comment, DateTimeOffset At, Guid ActorId);

    /// <summary>Each nomination's latest action at an appraisal step of its definitions, with its comment.</summary>
    private async Task<Dictionary<Guid, Appraisal>> AppraisalsAsync(List<Guid> nominationIds, CancellationToken cancellationToken)
    {
        var versions = await db.WorkflowInstances.AsNoTracking().Where(i => nominationIds.Contains(i.NominationId))
            .Select(i => new { i.DefinitionId, i.DefinitionVersion }).Distinct().ToListAsync(cancellationToken);
        var definitions = await DefinitionsAsync(versions.Select(v => (v.DefinitionId, v.DefinitionVersion)), cancellationToken);
        var keys = DefinitionSemantics.KeysMeaning(definitions.Values, StepMeaning.Appraisal);
        var streams = nominationIds.ToDictionary(Audit.AuditTrail.NominationStream);
        var streamNames = streams.Keys.ToList();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => streamNames.Contains(e.Stream) && e.StepKey != null && keys.Contains(e.StepKey) && e.Action.StartsWith(ActOnTaskHandler.AuditPrefix))
            .Select(e => new { e.Stream, e.Sequence, e.Comment, e.At, e.ActorId }).ToListAsync(cancellationToken);
        return entries.GroupBy(e => e.Stream).ToDictionary(g => streams[g.Key], g =>
        {
            var last = g.OrderByDescending(e => e.Sequence).First();
            return new Appraisal(last.Comment, last.At, last.ActorId);
        });
    }

    /// <summary>The latest council vote counted for each nomination, in words: "Đạt: 5/5 thành viên đồng ý (100%)".</summary>
    private async Task<Dictionary<Guid, string>> VotesAsync(List<Guid> nominationIds, CancellationToken cancellationToken)
    {
        var streams = nominationIds.ToDictionary(Audit.AuditTrail.NominationStream);
        var streamNames = streams.Keys.ToList();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => streamNames.Contains(e.Stream) && e.Action == NominationWorkflow.VoteCountedEvent)
            .Select(e => new { e.Stream, e.Sequence, e.Data }).ToListAsync(cancellationToken);
        return entries.GroupBy(e => e.Stream).ToDictionary(g => streams[g.Key], g =>
            Words(JsonSerializer.Deserialize<VoteCount>(g.OrderByDescending(e => e.Sequence).First().Data, JsonSerializerOptions.Web)!));
    }

    public static string Words(VoteCount vote)
    {
        var share = vote.Denominator == 0 ? "" : $" ({(100m * vote.Yes / vote.Denominator).ToString("0.##", Vietnamese)}%)";
        return $"{(vote.Passed ? "Đạt" : "Không đạt")}: {vote.Yes}/{vote.Denominator} thành viên đồng ý{share}";
    }
}
