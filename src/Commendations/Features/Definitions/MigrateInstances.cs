using Commendations.Common.Text;
using Commendations.Features.Nominations;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Workflow;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Commendations.Common.Behaviours;

namespace Commendations.Features.Definitions;

/// <summary>Previews moving nominations' running instances to another version with a step mapping (same keys map themselves).</summary>
[Allowed(Roles.Administrator)]
public sealed record PreviewMigration(string DefinitionId, int ToVersion, IReadOnlyList<Guid> NominationIds, IReadOnlyDictionary<string, string>? Mapping)
    : IQuery<IReadOnlyList<InstanceMigrationPreview>>;

public sealed record InstanceMigrationPreview(Guid NominationId, string NomineeName, int FromVersion, MigrationPreview Preview);

public sealed class PreviewMigrationValidator : AbstractValidator<PreviewMigration>
{
    public PreviewMigrationValidator() => RuleFor(c => c.NominationIds).NotEmpty().Must(ids => ids.Count <= 500).WithMessage(new Message("Tối đa 500 hồ sơ mỗi lần."));
}

public sealed class PreviewMigrationHandler(CommendationsDbContext db, DefinitionAdmin admin, NominationWorkflow workflow)
    : IRequestHandler<PreviewMigration, IReadOnlyList<InstanceMigrationPreview>>
{
    public async Task<IReadOnlyList<InstanceMigrationPreview>> Handle(PreviewMigration request, CancellationToken cancellationToken)
    {
        await admin.VersionAsync(request.DefinitionId, request.ToVersion, cancellationToken);
        var previews = new List<InstanceMigrationPreview>();
        foreach (var id in request.NominationIds)
        {
            var nomination = await db.Nominations.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken)
                             ?? throw new InputException("nominationIds", new Message("Một hồ sơ trong danh sách không tồn tại."));
            var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.NominationId == id, cancellationToken);
            if (instance.DefinitionId != request.DefinitionId)
                throw new InputException("nominationIds", new Message("Hồ sơ {0} chạy theo một quy trình khác.", nomination.NomineeName));
            previews.Add(new InstanceMigrationPreview(id, nomination.NomineeName, instance.DefinitionVersion,
                await workflow.PlanMigrationAsync(nomination, request.ToVersion, request.Mapping, cancellationToken)));
        }
        return previews;
    }
}

/// <summary>Moves one nomination's instance (one transaction per instance, with an audit entry); the API loops over a selection.</summary>
[Allowed(Roles.Administrator)]
public sealed record MigrateInstance(Guid NominationId, string DefinitionId, int ToVersion, IReadOnlyDictionary<string, string>? Mapping, string? Comment)
    : ICommand<InstanceMigrated>, INominationRequest;

public sealed record InstanceMigrated(Guid NominationId, int FromVersion, int ToVersion, string? CurrentStep);

public sealed class MigrateInstanceHandler(CommendationsDbContext db, DefinitionAdmin admin, NominationWorkflow workflow, ICurrentUser user, AuditTrail audit)
    : IRequestHandler<MigrateInstance, InstanceMigrated>
{
    public async Task<InstanceMigrated> Handle(MigrateInstance request, CancellationToken cancellationToken)
    {
        var target = await admin.VersionAsync(request.DefinitionId, request.ToVersion, cancellationToken);
        if (target.Status != Domain.Workflows.DefinitionStatus.Published)
            throw new ConflictException("not-published", new Message("Chỉ chuyển hồ sơ sang phiên bản đã ban hành; phiên bản {0} đang ở trạng thái “{1}”.",
                target.Version, Names.DefinitionStatus(target.Status)));
        var nomination = await db.Nominations.SingleOrDefaultAsync(n => n.Id == request.NominationId, cancellationToken)
                         ?? throw new NotFoundException(Things.Nomination);
        var fromVersion = await db.WorkflowInstances.Where(i => i.NominationId == nomination.Id && i.DefinitionId == request.DefinitionId)
                              .Select(i => (int?)i.DefinitionVersion).SingleOrDefaultAsync(cancellationToken)
                          ?? throw new InputException("nominationId", new Message("Hồ sơ {0} không chạy theo quy trình này.", nomination.NomineeName));

        var result = await workflow.MigrateAsync(nomination, request.ToVersion, request.Mapping, user.UserId.ToString(), request.Comment, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InputException(result.Problems.GroupBy(p => p.StepKey is null ? "mapping" : $"mapping.{p.StepKey}")
                .ToDictionary(g => g.Key, g => g.Select(p => Message.Formatted(p.Message)).ToArray()));
        }
        var data = new { definition = request.DefinitionId, fromVersion, toVersion = request.ToVersion, mapping = request.Mapping, step = nomination.CurrentStep };
        await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), "workflow.migrated", nomination.CurrentStep, request.Comment, data, cancellationToken);
        await admin.AuditAsync(request.DefinitionId, "definition.instance-migrated", request.Comment, new { nomination = nomination.Id, fromVersion, toVersion = request.ToVersion }, cancellationToken);
        return new InstanceMigrated(nomination.Id, fromVersion, request.ToVersion, nomination.CurrentStep);
    }
}
