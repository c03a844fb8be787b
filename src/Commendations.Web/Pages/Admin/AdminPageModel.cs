using Commendations.Common.Security;
using Commendations.Domain.Calendar;
using Commendations.Domain.Campaigns;
using Commendations.Domain.Committees;
using Commendations.Domain.Units;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Commendations.Web.Pages.Admin;

/// <summary>
/// An administration page: administrators only. Anyone else signed in gets a refusal page (403) instead of the page;
/// the use cases refuse them as well.
/// </summary>
public abstract class AdminPageModel : AppPageModel
{
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = HttpContext.RequestServices.GetRequiredService<ICurrentUser>();
        if (!user.IsInRole(Roles.Administrator))
        {
            context.Result = new ViewResult
            {
                ViewName = "/Pages/Admin/_Refused.cshtml",
                StatusCode = StatusCodes.Status403Forbidden,
                ViewData = new ViewDataDictionary(MetadataProvider, ModelState),
            };
            return;
        }
        await next();
    }
}

/// <summary>Vietnamese names of the administration's codes (translated through <see cref="UiText"/>).</summary>
public static class AdminLabels
{
    public static string Level(UnitLevel level) => level switch
    {
        UnitLevel.Province => "Tỉnh",
        UnitLevel.Department => "Sở, ban, ngành",
        UnitLevel.Commune => "Xã, phường",
        _ => "Đơn vị trực thuộc",
    };

    public static string CommitteeKind(CommitteeKind kind) => kind switch
    {
        Domain.Committees.CommitteeKind.SteeringCommittee => "Ban Chỉ đạo",
        Domain.Committees.CommitteeKind.Council => "Hội đồng Thi đua - Khen thưởng",
        _ => "Thường trực Hội đồng",
    };

    public static string CampaignType(CampaignType type) => type == Domain.Campaigns.CampaignType.Regular ? "Thường xuyên" : "Chuyên đề";

    public static string Weekday(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "Thứ Hai",
        DayOfWeek.Tuesday => "Thứ Ba",
        DayOfWeek.Wednesday => "Thứ Tư",
        DayOfWeek.Thursday => "Thứ Năm",
        DayOfWeek.Friday => "Thứ Sáu",
        DayOfWeek.Saturday => "Thứ Bảy",
        _ => "Chủ nhật",
    };

    public static string DayKind(CalendarDayKind kind) => kind == CalendarDayKind.DayOff ? "Ngày nghỉ" : "Ngày làm việc bù";
}
