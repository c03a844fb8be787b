using System.Security.Cryptography;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Behaviours;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Features.Nominations;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Imports;

/// <summary>
/// An emulation officer's nominee list from the Excel template, for their own unit in a campaign. Without
/// <paramref name="Commit"/> it only previews: every row read, validated by the API's own validator and rules for one
/// nomination, and checked for duplicates. With it, the file is read and checked again and, only when no row has a
/// problem, every row becomes a draft nomination in this one transaction, all or nothing: drafted by
/// <see cref="NominationDrafting"/> exactly as <see cref="CreateNomination"/> drafts one (nominee identity, audit entries,
/// route started with its task, deadline and reminders), with the campaign, the unit's nominee identities and the routes
/// read once for the whole list and the rows saved in batches. The rows were validated by the same validator and award
/// rule <see cref="CreateNomination"/> applies before anything is written. Nothing is kept between the two calls, so the
/// file is sent again to commit.
/// </summary>
[Allowed(Roles.EmulationOfficer)]
public sealed record ImportNomineeList(Guid CampaignId, string FileName, byte[] Content, bool Commit) : ICommand<ImportOutcome>
{
    public const int MaxBytes = 10 * 1024 * 1024;
}

public sealed record ImportRowView(int Row, string Kind, string AwardForm, string Name, string? Gender, int? BirthYear,
    string? Position, int? Headcount, string AchievementSummary, bool HasProblems);

/// <param name="Field">The column's stable name for API clients (e.g. <c>birthYear</c>).</param>
/// <param name="Column">The column's header in the reader's language.</param>
/// <param name="Message">"Dòng 7, cột “Năm sinh”: …" in the reader's language.</param>
public sealed record ImportProblemView(int Row, string Field, string Column, string Message);

public sealed record ImportOutcome(bool Imported, int RowCount, IReadOnlyList<ImportRowView> Rows,
    IReadOnlyList<ImportProblemView> Problems, IReadOnlyList<Guid> NominationIds);

public sealed class ImportNomineeListValidator : AbstractValidator<ImportNomineeList>
{
    public ImportNomineeListValidator()
    {
        RuleFor(c => c.CampaignId).NotEmpty();
        RuleFor(c => c.FileName).NotEmpty().MaximumLength(255)
            .Must(n => n.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            .WithMessage(new Message("Chỉ nhận bảng tính Excel (.xlsx) theo mẫu."));
        RuleFor(c => c.Content).NotEmpty().Must(c => c.Length <= ImportNomineeList.MaxBytes)
            .WithMessage(new Message("Tệp lớn hơn {0} MB.", ImportNomineeList.MaxBytes / 1024 / 1024));
    }
}

public sealed class ImportNomineeListHandler(
    CommendationsDbContext db, ICurrentUser user, NominationDrafting drafting, IValidator<CreateNomination> validator,
    ImportDuplicates duplicates, AuditTrail audit) : IRequestHandler<ImportNomineeList, ImportOutcome>
{
    /// <summary>Drafts saved together: a few round trips for many rows, while the tracker's change detection stays cheap.</summary>
    private const int BatchSize = 100;

    public async Task<ImportOutcome> Handle(ImportNomineeList request, CancellationToken cancellationToken)
    {
        if (user.UnitId is not { } unitId)
            throw new ForbiddenException(new Message("Tài khoản của bạn chưa thuộc đơn vị nào, nên chưa thể đề nghị khen thưởng."), "no-unit");
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CampaignId, cancellationToken)
                       ?? throw new NotFoundException(Things.Campaign);
        var awardForms = await db.AwardForms.AsNoTracking().ToListAsync(cancellationToken);

        var (columns, sheetRows) = NomineeRowParser.Layout(NomineeListReader.Read(request.Content));
        var parser = new NomineeRowParser(campaign.Id, awardForms);
        var rows = sheetRows.Select(r => parser.Parse(r, columns)).ToList();
        foreach (var row in rows.Where(r => r.Request is not null))
            await ValidateAsync(row, campaign, cancellationToken);
        await duplicates.CheckAsync(rows, unitId, campaign, cancellationToken);

        var problems = rows.SelectMany(r => r.Problems).ToList();
        if (!request.Commit)
            return Outcome(rows, problems, []);
        if (problems.Count > 0)
            throw new InputException(problems.GroupBy(p => $"rows[{p.Row}].{p.Column.Key}").ToDictionary(g => g.Key, g => g.Select(p => p.Text).ToArray()));

        var ids = new List<Guid>(rows.Count);
        var scope = await drafting.ScopeAsync(campaign, unitId, rows.Select(r => r.Request!), cancellationToken);
        foreach (var batch in rows.Chunk(BatchSize))
        {
            foreach (var row in batch)
                ids.Add(await drafting.DraftAsync(scope, row.Request!, row.AwardForm!, cancellationToken));
            // One round of inserts per batch, then forgotten: the change tracker stays small however long the list.
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        var stream = $"nominee-import:{Guid.CreateVersion7()}";
        audit.BeginStream(stream);
        await audit.RecordAsync(stream, "nominee-list.imported", null, null, new
        {
            campaign = campaign.Code, file = request.FileName, sha256 = Convert.ToHexStringLower(SHA256.HashData(request.Content)),
            rows = rows.Count, nominations = ids,
        }, cancellationToken);
        return Outcome(rows, [], ids);
    }

    /// <summary>The API's validator for one nomination, then the handler's own rule on award form and kind; a cell already
    /// refused while reading (a word that is no number) is not reported twice.</summary>
    private async Task ValidateAsync(ParsedRow row, Domain.Campaigns.Campaign campaign, CancellationToken cancellationToken)
    {
        var unreadable = row.Problems.Select(p => p.Column).ToHashSet();
        var result = await validator.ValidateAsync(row.Request!, cancellationToken);
        foreach (var failure in result.Errors)
        {
            var column = NomineeListColumns.ForProperty(failure.PropertyName);
            if (!unreadable.Contains(column))
                row.Problems.Add(new ImportProblem(row.Row, column, failure.CustomState as Message ?? Message.Formatted(failure.ErrorMessage)));
        }
        if (row.AwardForm is { } form && CreateNominationHandler.AwardRefusal(campaign, form, row.Request!.Kind) is { } refusal)
            row.Problems.Add(new ImportProblem(row.Row, refusal.Field == "kind" ? NomineeListColumns.Kind : NomineeListColumns.AwardForm, refusal.Reason));
    }

    private static ImportOutcome Outcome(List<ParsedRow> rows, List<ImportProblem> problems, IReadOnlyList<Guid> ids) => new(
        ids.Count > 0, rows.Count,
        rows.Select(r => View(r)).ToList(),
        problems.OrderBy(p => p.Row).Select(p => new ImportProblemView(p.Row, p.Column.Key, p.Column.Header.Format(), p.Text.Format())).ToList(),
        ids);

    private static ImportRowView View(ParsedRow row)
    {
        var r = row.Request;
        return new ImportRowView(row.Row, r is null ? "" : Names.Kind(r.Kind).Format(), row.AwardForm?.Name ?? r?.AwardFormCode ?? "",
            r?.Person?.FullName ?? r?.Collective?.Name ?? "",
            r?.Person is { } p && (int)p.Gender >= 0 ? Names.Gender(p.Gender).Format() : null,
            r?.Person?.BirthYear is > 0 and var year ? year : null, r?.Person?.Position, r?.Collective?.Headcount,
            r?.AchievementSummary ?? "", row.Problems.Count > 0);
    }
}
