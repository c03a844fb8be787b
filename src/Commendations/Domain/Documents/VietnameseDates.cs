namespace Commendations.Domain.Documents;

/// <summary>
/// Dates as administrative documents write them (Decree 30/2020/NĐ-CP, Appendix I, Part I, section II: "the numbers of the
/// day, month and year are Arabic numerals; a day below 10 and the months 1 and 2 take a leading zero"): "ngày 05 tháng 3
/// năm 2025", "ngày 12 tháng 01 năm 2024". The zero keeps a day or month from being turned into another by a digit
/// written before it; no month after 2 can be, so from March on the month is written as it is.
/// </summary>
public static class VietnameseDates
{
    /// <summary>"ngày 12 tháng 01 năm 2024".</summary>
    public static string Long(DateOnly date) => $"ngày {Day(date.Day)} tháng {Month(date.Month)} năm {date.Year}";

    /// <summary>The place-and-date line: "Lam Giang, ngày 12 tháng 01 năm 2024".</summary>
    public static string PlaceAndDate(string place, DateOnly date) => $"{place}, {Long(date)}";

    public static string Day(int day) => day < 10 ? $"0{day}" : day.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Month(int month) => month <= 2 ? $"0{month}" : month.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
