using FluentValidation;
using Commendations.Common.Security;
using System.Text.Json;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Text;
using Commendations.Engine;
using Commendations.Workflow;
using MediatR;

namespace Commendations.Features.Definitions;

/// <summary>
/// Runs a version — typically a draft, before publishing — in memory with the real engine, today's committees and
/// the holiday calendar: the path taken, each person's tasks with due dates and reminders, and the result.
/// Nothing is stored. The nominating unit is simulated by name.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record SimulateDefinition(string DefinitionId, int Version, string ScenarioJson) : IQuery<SimulationView>;

public sealed class SimulateDefinitionValidator : FluentValidation.AbstractValidator<SimulateDefinition>
{
    public SimulateDefinitionValidator() => RuleFor(c => c.ScenarioJson).NotEmpty().MaximumLength(DefinitionLimits.MaxDocumentLength).OverridePropertyName("scenario");
}

public sealed class SimulateDefinitionHandler(DefinitionAdmin admin, RuntimeContextFactory contexts, EngineMessages messages, SimulationNames names)
    : IRequestHandler<SimulateDefinition, SimulationView>
{
    public async Task<SimulationView> Handle(SimulateDefinition request, CancellationToken cancellationToken)
    {
        var record = await admin.VersionAsync(request.DefinitionId, request.Version, cancellationToken);
        // A simulation previews the routing: the document must be sound, while the organisation may still be incomplete
        // (a scope without a unit is simulated by its name), so it is not checked against it as publication is.
        var validation = DefinitionValidation.Of(record.Content);
        if (validation.Definition is not { } definition)
            throw new InputException("definition", new Message("Phiên bản {0} có {1} lỗi, hãy sửa trước khi chạy thử: {2}", record.Version, validation.Problems.Count,
                Message.List(validation.Problems.Take(5).Select(p => new Message("{0}: {1}", p.Path, validation.MessageOf(p))))));
        SimulationScenario scenario;
        try
        {
            scenario = SimulationScenario.FromJson(request.ScenarioJson);
        }
        catch (JsonException ex)
        {
            throw new InputException("scenario", JsonProblems.Describe(ex));
        }
        var callees = await admin.CalleesAsync(definition, cancellationToken);
        var result = WorkflowSimulator.Run(definition, scenario, await contexts.CalendarAsync(cancellationToken),
            await contexts.CommitteesAsync(cancellationToken), await contexts.UnitScopesAsync(null, cancellationToken), callees);
        if (result.Refusal is { } refusal)
        {
            // The refusal names steps, people and committees as the designer's reader knows them, in their language.
            var reason = await messages.OfAsync(refusal.Template, refusal.Args, EngineMessages.Scope.Of(definition, callees), cancellationToken);
            result = result with { Refusal = refusal with { Reason = reason.Format() } };
        }
        return await names.DescribeAsync(result, definition, cancellationToken);
    }
}
