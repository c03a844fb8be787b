using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Features.Documents.Official;
using Commendations.Features.Exports;
using FluentValidation;
using MediatR;

namespace Commendations.Features.Documents.Appraisal;

/// <summary>The appraisal report as a PDF or an editable .docx draft, for whoever may read it (<see cref="GetAppraisalReport"/>).</summary>
[Allowed(Roles.Appraiser, Roles.ProvincialLeader, Roles.Administrator)]
/// <param name="Format">"pdf" or "docx" (checked after who asks, so a wrong reader is refused whatever the format).</param>
public sealed record GetAppraisalReportDocument(Guid CampaignId, Guid? AwardFormId, string Format) : IQuery<ExportFile>;

public sealed class GetAppraisalReportDocumentValidator : AbstractValidator<GetAppraisalReportDocument>
{
    public GetAppraisalReportDocumentValidator() =>
        RuleFor(q => q.Format).Must(f => DocumentFiles.Parse(f) is not null).WithMessage(_ => DocumentFiles.FormatRefused.Format());
}

public sealed class GetAppraisalReportDocumentHandler(IMediator mediator) : IRequestHandler<GetAppraisalReportDocument, ExportFile>
{
    public async Task<ExportFile> Handle(GetAppraisalReportDocument request, CancellationToken cancellationToken)
    {
        var report = await mediator.Send(new GetAppraisalReport(request.CampaignId, request.AwardFormId), cancellationToken);
        return DocumentFiles.Write(AppraisalReportDocument.Of(report), request.Format, AppraisalReportDocument.FileName(report));
    }
}
