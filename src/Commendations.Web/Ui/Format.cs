using Commendations.Engine;

namespace Commendations.Web.Ui;

/// <summary>Dates as Vietnamese administrations write them (dd/MM/yyyy), times in Vietnam's time zone (UTC+07:00).</summary>
public static class Format
{
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset at) => at.ToOffset(VietnamTime.Offset).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"08 giờ 30" style times are written "08:30" (Vietnam time).</summary>
    public static string Time(DateTimeOffset at) => at.ToOffset(VietnamTime.Offset).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset at) => at.ToOffset(VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"ngày 05 tháng 3 năm 2025", "ngày 12 tháng 01 năm 2024" (Decree 30/2020/NĐ-CP: zero before a day below 10 and months 1 and 2).</summary>
    public static string LongVietnameseDate(DateOnly date) => Commendations.Domain.Documents.VietnameseDates.Long(date);

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / (1024.0 * 1024):0.#} MB",
    };
}
