using Commendations.Engine;
using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Features.Exports;
using MediatR;

namespace Commendations.Features.Campaigns.Registration;

/// <summary>The registration list (registered or not, with the titles) as a spreadsheet, for the campaign's owner and the leaders.</summary>
[Allowed(Roles.Appraiser, Roles.ProvincialLeader, Roles.CommitteeMember, Roles.Administrator)]
public sealed record ExportRegistrations(Guid CampaignId, ExportFormat Format) : IQuery<ExportFile>;

public sealed class ExportRegistrationsHandler(IMediator mediator) : IRequestHandler<ExportRegistrations, ExportFile>
{
    public static readonly IReadOnlyList<ExportColumn> Columns =
    [
        new("STT", ColumnKind.Number, 6), new("Đơn vị", ColumnKind.Text, 40), new("Đã đăng ký", ColumnKind.Text, 12),
        new("Ngày đăng ký", ColumnKind.Date, 14), new("Hình thức khen thưởng", ColumnKind.Text, 36),
        new("Số tập thể", ColumnKind.Number, 12), new("Số cá nhân", ColumnKind.Number, 12),
    ];

    public async Task<ExportFile> Handle(ExportRegistrations request, CancellationToken cancellationToken)
    {
        var list = await mediator.Send(new GetRegistrations(request.CampaignId), cancellationToken);
        var rows = new List<object?[]>();
        var index = 0;
        foreach (var unit in list.Units)
        {
            index++;
            DateOnly? at = unit.RegisteredAt is { } instant ? VietnamTime.DateOf(instant) : null;
            if (unit.Titles.Count == 0)
                rows.Add([index, unit.UnitName, unit.Registered ? "Có" : "Chưa", at, null, null, null]);
            foreach (var title in unit.Titles)
                rows.Add([index, unit.UnitName, "Có", at, title.AwardFormName, title.Collectives, title.Individuals]);
        }
        return Exporter.Write(new ExportTable("Đăng ký thi đua", Columns, rows), request.Format, $"dang-ky-thi-dua-{list.CampaignCode}");
    }
}
