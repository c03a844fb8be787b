using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Features.Registry;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Exports;

/// <summary>The award registry's search results (every match, not one page) as a spreadsheet.</summary>
[Allowed(Audience.SignedIn)]
public sealed record ExportRegistry(SearchRegistry Search, ExportFormat Format) : IQuery<ExportFile>
{
    public const int MaxRows = 100_000;
}

public sealed class ExportRegistryValidator : AbstractValidator<ExportRegistry>
{
    public ExportRegistryValidator()
    {
        RuleFor(q => q.Format).IsInEnum();
        RuleFor(q => q.Search).SetValidator(new SearchRegistryValidator());
    }
}

public sealed class ExportRegistryHandler(CommendationsDbContext db) : IRequestHandler<ExportRegistry, ExportFile>
{
    public static readonly IReadOnlyList<ExportColumn> Columns =
    [
        new("STT", ColumnKind.Number, 6), new("Số sổ vàng", ColumnKind.Text, 16), new("Tên tập thể, cá nhân", ColumnKind.Text, 36),
        new("Loại", ColumnKind.Text, 12), new("Đơn vị", ColumnKind.Text, 36), new("Hình thức khen thưởng", ColumnKind.Text, 32),
        new("Phong trào thi đua", ColumnKind.Text, 40), new("Năm", ColumnKind.Number, 8), new("Số quyết định", ColumnKind.Text, 16),
        new("Ngày quyết định", ColumnKind.Date, 14), new("Tình trạng", ColumnKind.Text, 14), new("Quyết định thu hồi", ColumnKind.Text, 16),
        new("Ngày thu hồi", ColumnKind.Date, 14),
    ];

    public async Task<ExportFile> Handle(ExportRegistry request, CancellationToken cancellationToken)
    {
        var records = await SearchRegistryHandler.Filter(db.AwardRecords.AsNoTracking(), request.Search)
            .OrderBy(r => r.Series).ThenBy(r => r.Year).ThenBy(r => r.Sequence)
            .Take(ExportRegistry.MaxRows).ToListAsync(cancellationToken);
        var table = new ExportTable("Sổ khen thưởng", Columns, records.Select((r, i) => new object?[]
        {
            i + 1, r.RegisterNumber, r.NomineeName, ExportLabels.Of(r.Kind), r.UnitName, r.AwardFormName, r.CampaignName, r.Year,
            r.DecisionNumber, r.DecisionDate, r.IsRevoked ? "Đã thu hồi" : r.IsCurrent ? "Hiệu lực" : "Đã đính chính",
            r.RevokingDecisionNumber, r.RevocationDate,
        }).ToList());
        return Exporter.Write(table, request.Format, "so-khen-thuong");
    }
}
