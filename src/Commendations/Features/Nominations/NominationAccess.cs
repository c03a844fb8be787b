using Commendations.Common.Text;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Nominations;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Nominations;

/// <summary>
/// Unit scope: an officer sees and edits only their own unit's nominations (the unit's head sees them too); reviewers (committee members, appraisers,
/// leaders) see submitted ones; administrators see all. A nomination the user may not see is "not found", so its
/// existence does not leak to other units.
/// </summary>
public sealed class NominationAccess(CommendationsDbContext db, ICurrentUser user)
{
    public static bool IsReviewer(ICurrentUser user) =>
        user.IsInRole(Roles.CommitteeMember) || user.IsInRole(Roles.Appraiser) || user.IsInRole(Roles.ProvincialLeader);

    public static bool CanRead(ICurrentUser user, Nomination nomination) =>
        user.IsInRole(Roles.Administrator)
        || (user.IsInRole(Roles.EmulationOfficer) && user.UnitId == nomination.UnitId)
        // The unit's head reads their unit's dossiers: they sign its submission letters.
        || (user.IsInRole(Roles.UnitHead) && user.UnitId == nomination.UnitId)
        || (IsReviewer(user) && nomination.SubmittedAt is not null);

    /// <summary>Loads a nomination the current user may read, tracked for changes.</summary>
    public async Task<Nomination> ReadableAsync(Guid id, CancellationToken cancellationToken, bool withDocuments = false)
    {
        // Without documents, Find answers from the change tracker when the command already loaded it.
        var nomination = withDocuments
            ? await db.Nominations.Include(n => n.Documents).SingleOrDefaultAsync(n => n.Id == id, cancellationToken)
            : await db.Nominations.FindAsync([id], cancellationToken);
        if (nomination is null || !CanRead(user, nomination))
            throw new NotFoundException(Things.Nomination);
        return nomination;
    }

    /// <summary>Loads a nomination that the current user's unit holds and may change (draft or returned).</summary>
    public async Task<Nomination> EditableByUnitAsync(Guid id, CancellationToken cancellationToken, bool withDocuments = false)
    {
        var nomination = await ReadableAsync(id, cancellationToken, withDocuments);
        if (!user.IsInRole(Roles.EmulationOfficer) || user.UnitId != nomination.UnitId)
            throw new ForbiddenException(new Message("Chỉ cán bộ thi đua của đơn vị đề nghị mới được sửa hồ sơ này."));
        if (!nomination.IsEditableByUnit)
            throw new ConflictException("not-editable", new Message("Hồ sơ đang ở trạng thái “{0}” nên không sửa được.", Names.Status(nomination.Status)));
        return nomination;
    }
}
