using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Commendations.Features.Definitions;

/// <summary>
/// What publishing a draft would do, stated before it is done: new nominations follow it, the running ones stay on
/// their versions (how many on each), and how it differs from the version in force (layout moves left out: they
/// change nothing for a nomination).
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record PreviewPublication(string DefinitionId, int Version) : IQuery<PublicationPreview>;

public sealed record PublicationPreview(
    string DefinitionId, int Version, string ContentHash, bool CanPublish, int ProblemCount, int? InForceVersion,
    IReadOnlyList<RunningOnVersion> Running, IReadOnlyList<DefinitionChange> Changes, int LayoutChanges,
    IReadOnlyList<string> Impact, bool RequiresSecondApproval, bool AwaitingApproval, string? PublicationRequestedBy);

/// <summary>Nominations still running on an older version; they stay on it after the publication.</summary>
public sealed record RunningOnVersion(int Version, int RunningInstances, string StatusName);

public sealed class PreviewPublicationHandler(
    DefinitionAdmin admin, CommendationsDbContext db, IOptions<Commendations.Workflow.WorkflowOptions> options)
    : IRequestHandler<PreviewPublication, PublicationPreview>
{
    public async Task<PublicationPreview> Handle(PreviewPublication request, CancellationToken cancellationToken)
    {
        var record = await admin.VersionAsync(request.DefinitionId, request.Version, cancellationToken);
        var validation = await admin.ValidateAsync(record.Content, cancellationToken);
        var inForce = await admin.LatestPublishedAsync(record.DefinitionId, cancellationToken);

        var counts = await db.WorkflowInstances.AsNoTracking()
            .Where(i => i.DefinitionId == record.DefinitionId && !i.IsCompleted && i.DefinitionVersion != record.Version)
            .GroupBy(i => i.DefinitionVersion)
            .Select(g => new { Version = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var statuses = await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => d.DefinitionId == record.DefinitionId)
            .ToDictionaryAsync(d => d.Version, d => d.Status, cancellationToken);
        // After the publication every older published version is superseded: that is the status the reader will see.
        var running = counts.OrderByDescending(c => c.Version)
            .Select(c => new RunningOnVersion(c.Version, c.Count, Names.DefinitionStatus(
                statuses.GetValueOrDefault(c.Version), superseded: true).Format()))
            .ToList();

        var all = inForce is { } from && from != record.Version
            ? DiffVersionsHandler.Describe(DefinitionAdmin.ReadForComparison(await admin.VersionAsync(record.DefinitionId, from, cancellationToken)),
                DefinitionAdmin.ReadForComparison(record))
            : [];
        var layout = all.Count(c => c.Kind is DefinitionChangeKind.LayoutChanged or DefinitionChangeKind.StepsReordered);
        var changes = all.Where(c => c.Kind is not (DefinitionChangeKind.LayoutChanged or DefinitionChangeKind.StepsReordered)).ToList();

        return new PublicationPreview(record.DefinitionId, record.Version, record.ContentHash,
            record.Status == DefinitionStatus.Draft && validation.IsValid, validation.Problems.Count, inForce,
            running, changes, layout, Impact(record.Version, inForce, running, changes.Count),
            options.Value.RequireSecondApproval, record.IsAwaitingApproval, record.PublicationRequestedBy);
    }

    private static List<string> Impact(int version, int? inForce, IReadOnlyList<RunningOnVersion> running, int changes)
    {
        var sentences = new List<string>
        {
            new Message("Hồ sơ bắt đầu sau khi xuất bản sẽ đi theo phiên bản {0}.", version).Format(),
        };
        sentences.AddRange(running.Select(r =>
            new Message("{0} hồ sơ đang xử lý theo phiên bản {1} vẫn tiếp tục theo phiên bản đó.", r.RunningInstances, r.Version).Format()));
        if (running.Count == 0)
            sentences.Add(new Message("Không có hồ sơ nào đang xử lý theo phiên bản cũ.").Format());
        sentences.Add(inForce is { } v && v != version
            ? new Message("So với phiên bản đang áp dụng (v{0}): {1} thay đổi ảnh hưởng đến cách xử lý hồ sơ.", v, changes).Format()
            : new Message("Chưa có phiên bản nào đang áp dụng: đây sẽ là phiên bản đầu tiên được áp dụng.").Format());
        return sentences;
    }
}
