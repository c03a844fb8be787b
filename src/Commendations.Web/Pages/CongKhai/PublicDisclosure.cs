using Commendations.Web.Ui;

namespace Commendations.Web.Pages.CongKhai;

/// <summary>Wording shared by the public disclosure pages.</summary>
public static class PublicDisclosure
{
    /// <summary>"from dd/MM/yyyy HH:mm to dd/MM/yyyy HH:mm", with whichever end is known.</summary>
    public static string Period(UiText text, DateTimeOffset? from, DateTimeOffset? until) => (from, until) switch
    {
        ({ } f, { } u) => text["Từ {0} đến {1}", Format.DateTime(f), Format.DateTime(u)],
        (null, { } u) => text["Đến {0}", Format.DateTime(u)],
        ({ } f, null) => text["Từ {0}", Format.DateTime(f)],
        _ => "—",
    };
}
