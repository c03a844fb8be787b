using Commendations.Engine;
using Commendations.Common.Text;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Nominations;
using Commendations.Features.Nominations;
using Commendations.Persistence;
using Commendations.Workflow;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Exports;

/// <summary>
/// The nomination list of a campaign as a spreadsheet (danh sách đề nghị khen thưởng), in the reader's scope: an officer
/// gets their unit's nominations, reviewers the submitted ones, administrators all.
/// </summary>
[Allowed(Audience.SignedIn)]
public sealed record ExportCampaignNominations(Guid CampaignId, ExportFormat Format) : IQuery<ExportFile>;

public sealed class ExportCampaignNominationsValidator : AbstractValidator<ExportCampaignNominations>
{
    public ExportCampaignNominationsValidator() => RuleFor(q => q.Format).IsInEnum();
}

public sealed class ExportCampaignNominationsHandler(CommendationsDbContext db, ICurrentUser user, DefinitionSemantics semantics)
    : IRequestHandler<ExportCampaignNominations, ExportFile>
{
    public static readonly IReadOnlyList<ExportColumn> Columns =
    [
        new("STT", ColumnKind.Number, 6), new("Tên tập thể, cá nhân", ColumnKind.Text, 36), new("Loại", ColumnKind.Text, 12),
        new("Đơn vị đề nghị", ColumnKind.Text, 36), new("Hình thức khen thưởng", ColumnKind.Text, 32), new("Trạng thái", ColumnKind.Text, 18),
        new("Bước hiện tại", ColumnKind.Text, 18), new("Lần trình", ColumnKind.Number, 10), new("Ngày trình", ColumnKind.Date, 12),
        new("Ngày lập", ColumnKind.Date, 12),
    ];

    public async Task<ExportFile> Handle(ExportCampaignNominations request, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CampaignId, cancellationToken)
                       ?? throw new NotFoundException(Things.Campaign);
        var rows = await Visible(db.Nominations.AsNoTracking().Where(n => n.CampaignId == campaign.Id))
            .Join(db.Units, n => n.UnitId, u => u.Id, (n, u) => new { n, UnitName = u.Name })
            .Join(db.AwardForms, x => x.n.AwardFormId, a => a.Id, (x, a) => new { x.n, x.UnitName, AwardName = a.Name })
            .GroupJoin(db.WorkflowInstances, x => x.n.WorkflowInstanceId, i => i.Id, (x, i) => new { x, i })
            .SelectMany(g => g.i.DefaultIfEmpty(), (g, i) => new
            {
                g.x.n, g.x.UnitName, g.x.AwardName,
                DefinitionId = i == null ? null : i.DefinitionId,
                DefinitionVersion = i == null ? (int?)null : i.DefinitionVersion,
            })
            .OrderBy(x => x.UnitName).ThenBy(x => x.n.Kind).ThenBy(x => x.n.NomineeName)
            .ToListAsync(cancellationToken);
        var definitions = await semantics.SetAsync(rows.Where(r => r.DefinitionId is not null).Select(r => (r.DefinitionId!, r.DefinitionVersion!.Value)), cancellationToken);
        // The sheet is written in Vietnamese, as its headings: the step's Vietnamese name, never its key.
        var table = new ExportTable("Danh sách đề nghị", Columns, rows.Select((x, i) => new object?[]
        {
            i + 1, x.n.NomineeName, ExportLabels.Of(x.n.Kind), x.UnitName, x.AwardName, ExportLabels.Of(x.n.Status),
            definitions.StepName(x.DefinitionId, x.DefinitionVersion, x.n.CurrentStep, ExportLabels.Vietnamese),
            x.n.Round, LocalDate(x.n.SubmittedAt), LocalDate(x.n.CreatedAt),
        }).ToList());
        return Exporter.Write(table, request.Format, $"de-nghi-{campaign.Code}");
    }

    /// <summary>Dates in Vietnam time, as the offices read them.</summary>
    public static DateOnly? LocalDate(DateTimeOffset? at) =>
        at is { } value ? VietnamTime.DateOf(value) : null;

    /// <summary>The same scope as <see cref="NominationAccess.CanRead"/>, as a query.</summary>
    private IQueryable<Nomination> Visible(IQueryable<Nomination> query)
    {
        if (user.IsInRole(Roles.Administrator))
            return query;
        var unitId = user.IsInRole(Roles.EmulationOfficer) ? user.UnitId : null;
        var reviewer = NominationAccess.IsReviewer(user);
        return query.Where(n => (unitId != null && n.UnitId == unitId) || (reviewer && n.SubmittedAt != null));
    }
}
