using Commendations.Audit;
using Commendations.Common.Security;
using Commendations.Domain.Campaigns;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominations;
using Commendations.Domain.Nominees;
using Commendations.Persistence;
using Commendations.Workflow;

namespace Commendations.Features.Nominations;

/// <summary>
/// The one way a draft nomination comes to be, for <see cref="CreateNomination"/> (one draft) and the Excel import (a list):
/// its nominee record with the identity it continues, the nomination, its <c>nomination.created</c> audit entry, and its
/// route started at once (the unit's proposal task with its deadline and reminders, the step's audit entry). Nothing is
/// saved here: the caller saves — once per command, or once per batch of an imported list.
/// </summary>
public sealed class NominationDrafting(CommendationsDbContext db, ICurrentUser user, NominationWorkflow workflow, AuditTrail audit, TimeProvider clock)
{
    /// <summary>What every draft of one command shares, read once: the campaign, the unit's identities, the routes started on.</summary>
    public sealed class Scope(Campaign campaign, Guid unitId, NomineeIdentities identities)
    {
        public Campaign Campaign { get; } = campaign;
        public Guid UnitId { get; } = unitId;
        public NomineeIdentities Identities { get; } = identities;
        internal Dictionary<string, NominationWorkflow.StartingRoute> Routes { get; } = new(StringComparer.Ordinal);
    }

    /// <param name="requests">The drafts to come: their birth years and kinds say which of the unit's records are read.</param>
    public async Task<Scope> ScopeAsync(Campaign campaign, Guid unitId, IEnumerable<CreateNomination> requests, CancellationToken cancellationToken)
    {
        var list = requests as IReadOnlyCollection<CreateNomination> ?? requests.ToList();
        var birthYears = list.Where(r => r.Person is not null).Select(r => r.Person!.BirthYear).Distinct().ToList();
        var identities = await NomineeIdentities.OfUnitAsync(db, unitId, birthYears, list.Any(r => r.Collective is not null), cancellationToken);
        return new Scope(campaign, unitId, identities);
    }

    /// <summary>
    /// Adds the draft of <paramref name="request"/> for <paramref name="awardForm"/>, which the caller has checked the campaign
    /// allows for the nominee's kind (<see cref="CreateNominationHandler.AwardRefusal"/>).
    /// </summary>
    public async Task<Guid> DraftAsync(Scope scope, CreateNomination request, AwardForm awardForm, CancellationToken cancellationToken)
    {
        var campaign = scope.Campaign;
        var allowed = campaign.AwardFor(awardForm.Id)
                      ?? throw new InvalidOperationException($"Campaign {campaign.Code} does not allow award form {awardForm.Code}; check AwardRefusal first.");
        var now = clock.GetUtcNow();
        Nomination nomination;
        if (request.Person is { } person)
        {
            var entity = new Person { FullName = person.FullName.Trim(), Gender = person.Gender, BirthYear = person.BirthYear, Position = person.Position.Trim(), UnitId = scope.UnitId };
            await scope.Identities.AssignAsync(entity, person.IdentityId, cancellationToken);
            db.People.Add(entity);
            nomination = new Nomination(request.Kind, entity.Id, null, entity.FullName, scope.UnitId, campaign.Id, awardForm.Id, request.AchievementSummary.Trim(), user.UserId, now);
        }
        else
        {
            var input = request.Collective!;
            var entity = new Collective { Name = input.Name.Trim(), Headcount = input.Headcount, Women = input.Women, AdvancedWorkers = input.AdvancedWorkers, UnitId = scope.UnitId };
            await scope.Identities.AssignAsync(entity, input.IdentityId, cancellationToken);
            db.Collectives.Add(entity);
            nomination = new Nomination(request.Kind, null, entity.Id, entity.Name, scope.UnitId, campaign.Id, awardForm.Id, request.AchievementSummary.Trim(), user.UserId, now);
        }
        db.Nominations.Add(nomination);

        var stream = AuditTrail.NominationStream(nomination.Id);
        audit.BeginStream(stream);
        await audit.RecordAsync(stream, "nomination.created", null, null,
            new { campaign = campaign.Code, awardForm = awardForm.Code, kind = request.Kind.ToString(), nominee = nomination.NomineeName }, cancellationToken);
        if (!scope.Routes.TryGetValue(allowed.WorkflowDefinitionId, out var route))
            scope.Routes[allowed.WorkflowDefinitionId] = route = await workflow.RouteAsync(allowed.WorkflowDefinitionId, cancellationToken);
        // The engine's context reads the nominee from the change tracker, so the draft need not be saved before its route starts.
        await workflow.StartAsync(nomination, route, cancellationToken);
        return nomination.Id;
    }
}
