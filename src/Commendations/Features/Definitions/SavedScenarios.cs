using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Commendations.Common.Text;

namespace Commendations.Features.Definitions;

/// <summary>Saves a simulation scenario under a name, to re-run it against any version later.</summary>
[Allowed(Roles.Administrator)]
public sealed record SaveScenario(string DefinitionId, string Name, string ScenarioJson) : ICommand<Guid>;

public sealed class SaveScenarioValidator : AbstractValidator<SaveScenario>
{
    public SaveScenarioValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.ScenarioJson).NotEmpty().MaximumLength(200_000);
    }
}

public sealed class SaveScenarioHandler(CommendationsDbContext db, DefinitionAdmin admin, ICurrentUser user, TimeProvider clock) : IRequestHandler<SaveScenario, Guid>
{
    public async Task<Guid> Handle(SaveScenario request, CancellationToken cancellationToken)
    {
        try
        {
            SimulationScenario.FromJson(request.ScenarioJson);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new InputException("scenarioJson", JsonProblems.Describe(ex));
        }
        if (await db.SavedScenarios.AnyAsync(s => s.DefinitionId == request.DefinitionId && s.Name == request.Name, cancellationToken))
            throw new InputException("name", new Message("Quy trình này đã có kịch bản tên “{0}”.", request.Name));
        var scenario = new SavedScenario(request.DefinitionId, request.Name.Trim(), request.ScenarioJson, user.DisplayName, clock.GetUtcNow());
        db.SavedScenarios.Add(scenario);
        await admin.AuditAsync(request.DefinitionId, "definition.scenario-saved", null, new { scenario = scenario.Name }, cancellationToken);
        return scenario.Id;
    }
}

[Allowed(Roles.Administrator)]
public sealed record ListScenarios(string DefinitionId) : IQuery<IReadOnlyList<ScenarioView>>;

public sealed record ScenarioView(Guid Id, string Name, string ScenarioJson, string CreatedBy, DateTimeOffset CreatedAt);

public sealed class ListScenariosHandler(CommendationsDbContext db) : IRequestHandler<ListScenarios, IReadOnlyList<ScenarioView>>
{
    public async Task<IReadOnlyList<ScenarioView>> Handle(ListScenarios request, CancellationToken cancellationToken)
    {
        // An unknown definition is "not found", not an empty list that looks like a definition without scenarios.
        if (!await db.WorkflowDefinitions.AnyAsync(d => d.DefinitionId == request.DefinitionId, cancellationToken))
            throw new NotFoundException(Things.Definition);
        return await db.SavedScenarios.AsNoTracking().Where(s => s.DefinitionId == request.DefinitionId).OrderBy(s => s.Name)
            .Select(s => new ScenarioView(s.Id, s.Name, s.Scenario, s.CreatedBy, s.CreatedAt)).ToListAsync(cancellationToken);
    }
}
