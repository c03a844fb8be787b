using Commendations.Common.Security;
using System.Text.Json.Nodes;
using Commendations.Common;
using Commendations.Common.Errors;
using FluentValidation;
using MediatR;
using Commendations.Common.Text;

namespace Commendations.Features.Definitions;

/// <summary>
/// Saves the designer's draft as written — it may still have problems, which validation lists — unless it is no
/// longer a draft. <see cref="ExpectedRowVersion"/> makes a save from a stale page a conflict, not a silent overwrite.
/// </summary>
[Allowed(Roles.Administrator)]
public sealed record SaveDraft(string DefinitionId, int Version, string Content, uint ExpectedRowVersion) : ICommand<DraftSaved>;

public sealed record DraftSaved(string ContentHash, int ProblemCount);

public sealed class SaveDraftValidator : AbstractValidator<SaveDraft>
{
    public SaveDraftValidator() => RuleFor(c => c.Content).NotEmpty().MaximumLength(DefinitionLimits.MaxDocumentLength);
}

public sealed class SaveDraftHandler(DefinitionAdmin admin) : IRequestHandler<SaveDraft, DraftSaved>
{
    public async Task<DraftSaved> Handle(SaveDraft request, CancellationToken cancellationToken)
    {
        var record = await admin.VersionAsync(request.DefinitionId, request.Version, cancellationToken);
        if (record.Status != Domain.Workflows.DefinitionStatus.Draft)
            throw new ConflictException("definition-immutable", new Message("Phiên bản {0} đang ở trạng thái “{1}”; phiên bản đã ban hành không thay đổi được. Hãy tạo bản nháp mới từ phiên bản này.",
                record.Version, Names.DefinitionStatus(record.Status)));
        if (record.RowVersion != request.ExpectedRowVersion)
            throw new ConflictException("concurrent-change", new Message("Người khác vừa lưu bản nháp này; hãy tải lại trước khi lưu."));

        JsonObject document;
        try
        {
            document = JsonNode.Parse(request.Content) as JsonObject ?? throw new InputException("content", new Message("Định nghĩa quy trình phải là một đối tượng JSON."));
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new InputException("content", JsonProblems.Describe(ex));
        }
        if ((string?)document["id"] != record.DefinitionId || (int?)document["version"] != record.Version)
            throw new InputException("content", new Message("Bản nháp phải giữ nguyên \"id\": \"{0}\" và \"version\": {1}.", record.DefinitionId, record.Version));

        var validation = await admin.ValidateAsync(request.Content, cancellationToken);
        record.ReviseDraft((string?)document["name"] ?? record.Name, request.Content, DefinitionAdmin.HashOf(request.Content));
        await admin.AuditAsync(record.DefinitionId, "definition.draft-saved", null, new { version = record.Version, problems = validation.Problems.Count }, cancellationToken);
        return new DraftSaved(record.ContentHash, validation.Problems.Count);
    }
}
