using Commendations.Features.Operations;

namespace Commendations.Web.Pages.Admin;

/// <summary>
/// "Tình hình vận hành": the figures the Prometheus gauges report (<see cref="OperationsFigures"/>, read now), for an
/// administrator who has no monitoring server, and today's actions hour by hour.
/// </summary>
public sealed class OperationsModel : AdminPageModel
{
    public OperationsOverview Overview { get; private set; } = null!;

    public async Task OnGetAsync() => Overview = await Mediator.Send(new GetOperationsOverview());

    /// <summary>A wait in words: "không" when nothing waits, else seconds, minutes or hours and minutes.</summary>
    public string Lag(TimeSpan lag) => lag switch
    {
        { TotalSeconds: < 1 } => T["không có"],
        { TotalMinutes: < 1 } => T["{0} giây", (int)lag.TotalSeconds],
        { TotalHours: < 1 } => T["{0} phút", (int)lag.TotalMinutes],
        _ => T["{0} giờ {1} phút", (int)lag.TotalHours, lag.Minutes],
    };
}
