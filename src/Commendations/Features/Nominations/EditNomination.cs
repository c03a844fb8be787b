using Commendations.Common.Security;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Domain.Nominations;
using Commendations.Domain.Workflows;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Nominations;

/// <summary>The unit corrects its draft, or completes it after a return. Nominee details and the summary can change; the campaign and award cannot.</summary>
[Allowed(Roles.EmulationOfficer)]
public sealed record EditNomination(Guid NominationId, PersonInput? Person, CollectiveInput? Collective, string AchievementSummary) : ICommand<Unit>, INominationRequest;

public sealed class EditNominationValidator : AbstractValidator<EditNomination>
{
    public EditNominationValidator()
    {
        RuleFor(c => c.AchievementSummary).NotEmpty().MaximumLength(Nomination.SummaryMaxLength);
        RuleFor(c => c.Person!).SetValidator(new PersonInputValidator()).When(c => c.Person is not null);
        RuleFor(c => c.Collective!).SetValidator(new CollectiveInputValidator()).When(c => c.Collective is not null);
    }
}

public sealed class EditNominationHandler(CommendationsDbContext db, NominationAccess access, AuditTrail audit)
    : IRequestHandler<EditNomination, Unit>
{
    public async Task<Unit> Handle(EditNomination request, CancellationToken cancellationToken)
    {
        var nomination = await access.EditableByUnitAsync(request.NominationId, cancellationToken);
        var name = nomination.NomineeName;
        if (nomination.PersonId is { } personId)
        {
            if (request.Collective is not null)
                throw new Common.Errors.InputException("collective", new Common.Text.Message("Đề nghị cho cá nhân không có thông tin tập thể."));
            if (request.Person is { } input)
            {
                var person = await db.People.SingleAsync(p => p.Id == personId, cancellationToken);
                (person.FullName, person.Gender, person.BirthYear, person.Position) = (input.FullName.Trim(), input.Gender, input.BirthYear, input.Position.Trim());
                name = person.FullName;
            }
        }
        else if (nomination.CollectiveId is { } collectiveId)
        {
            if (request.Person is not null)
                throw new Common.Errors.InputException("person", new Common.Text.Message("Đề nghị cho tập thể không có thông tin cá nhân."));
            if (request.Collective is { } input)
            {
                var collective = await db.Collectives.SingleAsync(c => c.Id == collectiveId, cancellationToken);
                (collective.Name, collective.Headcount, collective.Women, collective.AdvancedWorkers) = (input.Name.Trim(), input.Headcount, input.Women, input.AdvancedWorkers);
                name = collective.Name;
            }
        }
        if (name != nomination.NomineeName)
        {
            // The task list searches and sorts by the name copied onto the open tasks (WorkflowTask.NomineeName).
            foreach (var task in await db.Tasks.Where(t => t.NominationId == nomination.Id && t.Status == WorkflowTaskStatus.Open).ToListAsync(cancellationToken))
                task.RenameNominee(name);
        }
        nomination.Edit(name, request.AchievementSummary.Trim());
        await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), "nomination.edited", nomination.CurrentStep, null, null, cancellationToken);
        return Unit.Value;
    }
}
