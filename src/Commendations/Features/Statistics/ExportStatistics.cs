using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Features.Exports;
using FluentValidation;
using MediatR;

namespace Commendations.Features.Statistics;

/// <summary>The statistics report as a workbook in the forms' layout: one sheet per form. Scope rules are <see cref="GetStatistics"/>'s.</summary>
[Allowed(Audience.SignedIn)]
public sealed record ExportStatistics(int Year, Guid? UnitId = null) : IQuery<ExportFile>;

public sealed class ExportStatisticsValidator : AbstractValidator<ExportStatistics>
{
    public ExportStatisticsValidator() => RuleFor(q => q.Year).InclusiveBetween(2000, 2200);
}

public sealed class ExportStatisticsHandler(IMediator mediator) : IRequestHandler<ExportStatistics, ExportFile>
{
    public async Task<ExportFile> Handle(ExportStatistics request, CancellationToken cancellationToken)
    {
        var report = await mediator.Send(new GetStatistics(request.Year, request.UnitId), cancellationToken);
        return new ExportFile(FormWorkbook.Write(StatisticsForms.Sheets(report)), Exporter.XlsxContentType,
            $"thong-ke-thi-dua-khen-thuong-{request.Year}.xlsx");
    }
}
