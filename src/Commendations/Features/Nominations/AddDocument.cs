using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominations;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Commendations.Common.Behaviours;

namespace Commendations.Features.Nominations;

[Allowed(Roles.EmulationOfficer)]
public sealed record AddDocument(Guid NominationId, DocumentKind Kind, string FileName, byte[] Content) : ICommand<DocumentSummary>, INominationRequest;

public sealed record DocumentSummary(Guid Id, DocumentKind Kind, string FileName, string ContentType, long SizeBytes, string Sha256, int Round, DateTimeOffset UploadedAt)
{
    /// <summary>A signed PDF's check on upload (integrity, signature, chain to the trusted roots); null for anything unsigned.</summary>
    public Domain.Documents.SignatureVerdict? Signature { get; init; }
}

public sealed class AddDocumentValidator : AbstractValidator<AddDocument>
{
    public AddDocumentValidator()
    {
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.FileName).NotEmpty().MaximumLength(NominationDocument.FileNameMaxLength);
        // The file's problems are reported on "file", the field the person chose it in (page and API alike).
        RuleFor(c => c.Content).NotEmpty().WithMessage(new Common.Text.Message("Tệp trống.")).OverridePropertyName("file");
        RuleFor(c => c.Content).Must(c => c.LongLength <= NominationDocument.MaxBytes).When(c => c.Content is not null)
            .WithMessage(c => DocumentTypes.TooLarge(c.Content.LongLength)).OverridePropertyName("file");
        RuleFor(c => c).Must(c => DocumentTypes.Recognise(c.FileName ?? "", c.Content ?? []) is not null)
            .When(c => c.Content is { Length: > 0 } && c.Content.LongLength <= NominationDocument.MaxBytes && !string.IsNullOrEmpty(c.FileName))
            .OverridePropertyName("file")
            .WithMessage(DocumentTypes.WrongType);
    }
}

public sealed class AddDocumentHandler(CommendationsDbContext db, NominationAccess access, ICurrentUser user, AuditTrail audit, TimeProvider clock,
    Documents.Signing.PdfSignatureVerifier verifier)
    : IRequestHandler<AddDocument, DocumentSummary>
{
    public async Task<DocumentSummary> Handle(AddDocument request, CancellationToken cancellationToken)
    {
        var nomination = await access.EditableByUnitAsync(request.NominationId, cancellationToken);
        var contentType = DocumentTypes.Recognise(request.FileName, request.Content)
                          ?? throw new InputException("file", DocumentTypes.WrongType);
        var fileName = Path.GetFileName(request.FileName.Trim());
        var document = new NominationDocument(nomination.Id, request.Kind, fileName, contentType, request.Content, nomination.Round, user.UserId, clock.GetUtcNow());
        if (contentType == "application/pdf")
            document.RecordSignatureCheck(verifier.Verify(request.Content).Verdict);
        db.Documents.Add(document);
        await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), "document.added", nomination.CurrentStep, null,
            new { document = document.Id, kind = request.Kind.ToString(), fileName, document.SizeBytes, document.Sha256 }, cancellationToken);
        return new DocumentSummary(document.Id, document.Kind, document.FileName, document.ContentType, document.SizeBytes, document.Sha256, document.Round, document.UploadedAt)
            { Signature = document.Signature };
    }
}
