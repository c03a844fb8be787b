using System.Text.Encodings.Web;
using System.Text.Json;
using Commendations.Common;
using Commendations.Common.Behaviours;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Workflows;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Definitions;

/// <summary>The templates a new route may start from (<see cref="DefinitionTemplates"/>), in the reader's language.</summary>
[Allowed(Roles.Administrator)]
public sealed record ListDefinitionTemplates : IQuery<IReadOnlyList<DefinitionTemplateView>>;

public sealed class ListDefinitionTemplatesHandler : IRequestHandler<ListDefinitionTemplates, IReadOnlyList<DefinitionTemplateView>>
{
    public Task<IReadOnlyList<DefinitionTemplateView>> Handle(ListDefinitionTemplates request, CancellationToken cancellationToken) =>
        Task.FromResult(DefinitionTemplates.List());
}

/// <summary>
/// A new route: version 1 of a definition id not used yet, as a draft made from a template and filled from today's
/// organisation. The draft must validate whole, so the designer opens on a route that could be published as it is.
/// <see cref="AwardFormCode"/>: the award form the route is for, chosen by the administrator (without it, the template's
/// first fitting one) — the route's <c>appliesTo</c> is otherwise only editable as JSON, and a campaign's award follows a
/// route only when the route applies to that award form.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record CreateDefinition(string DefinitionId, string Name, string TemplateKey, string? AwardFormCode = null) : ICommand<DraftCreated>;

public sealed class CreateDefinitionValidator : AbstractValidator<CreateDefinition>
{
    public CreateDefinitionValidator()
    {
        // The same rule as the engine's validator (kebab-case) and the schema's "id".
        RuleFor(c => c.DefinitionId).NotEmpty().MaximumLength(80).Matches("^[a-z0-9]+(-[a-z0-9]+)*$")
            .WithMessage(new Message("Mã quy trình gồm chữ thường không dấu, chữ số và gạch nối, ví dụ bang-khen-chuyen-de."));
        RuleFor(c => c.Name).NotEmpty().MaximumLength(300);
        RuleFor(c => c.TemplateKey).Must(DefinitionTemplates.Exists).WithMessage(new Message("Chọn một mẫu quy trình trong danh sách."));
    }
}

public sealed class CreateDefinitionHandler(CommendationsDbContext db, DefinitionAdmin admin, DefinitionTemplates templates, ICurrentUser user, TimeProvider clock)
    : IRequestHandler<CreateDefinition, DraftCreated>
{
    private static readonly JsonSerializerOptions Written = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<DraftCreated> Handle(CreateDefinition request, CancellationToken cancellationToken)
    {
        if (await db.WorkflowDefinitions.AnyAsync(d => d.DefinitionId == request.DefinitionId, cancellationToken))
            throw new InputException("definitionId", new Message("Mã quy trình {0} đã được dùng; chọn mã khác.", request.DefinitionId));

        var awardForm = string.IsNullOrWhiteSpace(request.AwardFormCode) ? null : request.AwardFormCode.Trim();
        if (awardForm is not null && !await db.AwardForms.AnyAsync(f => f.Code == awardForm, cancellationToken))
            throw new InputException("awardFormCode", new Message("Chọn một hình thức khen thưởng trong danh sách."));

        var name = request.Name.Trim();
        var content = (await templates.InstantiateAsync(request.TemplateKey, request.DefinitionId, name, cancellationToken, awardForm)).ToJsonString(Written);
        var parsed = await admin.ValidateAsync(content, cancellationToken);
        if (!parsed.IsValid)
            throw parsed.Refusal();

        db.WorkflowDefinitions.Add(new WorkflowDefinitionRecord(request.DefinitionId, 1, name, content, DefinitionAdmin.HashOf(content), user.DisplayName, clock.GetUtcNow()));
        await admin.AuditAsync(request.DefinitionId, "definition.created", null, new { version = 1, template = request.TemplateKey }, cancellationToken);
        return new DraftCreated(request.DefinitionId, 1);
    }
}
