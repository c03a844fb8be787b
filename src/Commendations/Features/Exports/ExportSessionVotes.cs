using Commendations.Engine;
using Commendations.Common.Security;
using Commendations.Common;
using Commendations.Domain.Sessions;
using Commendations.Features.Sessions;
using FluentValidation;
using MediatR;

namespace Commendations.Features.Exports;

/// <summary>The minutes' vote table (bảng tổng hợp kết quả bỏ phiếu) of a session, for whoever may read the session.</summary>
[Allowed(Roles.CommitteeMember, Roles.Appraiser, Roles.ProvincialLeader, Roles.Administrator)]
public sealed record ExportSessionVotes(Guid SessionId, ExportFormat Format) : IQuery<ExportFile>;

public sealed class ExportSessionVotesValidator : AbstractValidator<ExportSessionVotes>
{
    public ExportSessionVotesValidator() => RuleFor(q => q.Format).IsInEnum();
}

public sealed class ExportSessionVotesHandler(IMediator mediator) : IRequestHandler<ExportSessionVotes, ExportFile>
{
    public static readonly IReadOnlyList<ExportColumn> Columns =
    [
        new("STT", ColumnKind.Number, 6), new("Họ và tên, tên tập thể", ColumnKind.Text, 34), new("Đơn vị", ColumnKind.Text, 34),
        new("Hình thức khen thưởng", ColumnKind.Text, 30), new("Đồng ý", ColumnKind.Number, 9), new("Không đồng ý", ColumnKind.Number, 12),
        new("Không biểu quyết", ColumnKind.Number, 15), new("Không tham gia (xung đột lợi ích)", ColumnKind.Number, 16),
        new("Vắng, không bỏ phiếu", ColumnKind.Number, 14), new("Tổng số thành viên", ColumnKind.Number, 12), new("Tỷ lệ đồng ý (%)", ColumnKind.Number, 12),
        new("Kết quả", ColumnKind.Text, 18), new("Ngày họp", ColumnKind.Date, 12),
    ];

    public async Task<ExportFile> Handle(ExportSessionVotes request, CancellationToken cancellationToken)
    {
        var minutes = await mediator.Send(new GetSession(request.SessionId), cancellationToken);
        var day = VietnamTime.DateOf(minutes.HeldAt);
        // A secret vote not yet closed has no counts: its cells stay empty.
        var table = new ExportTable("Kết quả bỏ phiếu", Columns, minutes.Items.Select(i => new object?[]
        {
            i.Order, i.NomineeName, i.UnitName, i.AwardFormName, i.CountsHidden ? null : i.Yes, i.CountsHidden ? null : i.No, i.CountsHidden ? null : i.Abstain,
            i.Recused, i.CountsHidden ? null : i.NotVoting, minutes.MemberCount,
            i.CountsHidden ? null : minutes.MemberCount == 0 ? 0m : Math.Round(100m * i.Yes / minutes.MemberCount, 2), OutcomeLabel(i.Outcome), day,
        }).ToList());
        return Exporter.Write(table, request.Format, $"ket-qua-bo-phieu-{day:yyyyMMdd}");
    }

    public static string OutcomeLabel(AgendaOutcome outcome) => outcome switch
    {
        AgendaOutcome.Passed => "Đạt",
        AgendaOutcome.Failed => "Không đạt",
        AgendaOutcome.NoQuorum => "Không đủ số lượng",
        AgendaOutcome.NotAtVote => "Không xét",
        _ => "Chưa kết thúc",
    };
}
