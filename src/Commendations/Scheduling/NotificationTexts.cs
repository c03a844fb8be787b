using System.Globalization;

namespace Commendations.Scheduling;

/// <summary>The Vietnamese wording of every notification (in-app and email alike).</summary>
public static class NotificationTexts
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>Notifications are written in Vietnamese; step names come from the definitions (<c>DefinitionSemantics</c>).</summary>
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"17:00 ngày 07/12/2026" in Vietnam time.</summary>
    public static string When(DateTimeOffset instant) =>
        instant.ToOffset(Vietnam).ToString("HH:mm 'ngày' dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static (string Title, string Body) Reminder(string nominee, string stepName, DateTimeOffset dueAt) =>
        ($"Nhắc hạn xử lý hồ sơ: {nominee}",
         $"Hồ sơ đề nghị khen thưởng \"{nominee}\" đang chờ Đồng chí xử lý ở bước \"{stepName}\". Hạn xử lý: {When(dueAt)}.");

    public static (string Title, string Body) Overdue(string nominee, string stepName, DateTimeOffset dueAt) =>
        ($"Quá hạn xử lý hồ sơ: {nominee}",
         $"Hồ sơ đề nghị khen thưởng \"{nominee}\" đã quá hạn xử lý ở bước \"{stepName}\" (hạn {When(dueAt)}). Đề nghị Đồng chí xử lý ngay.");

    public static (string Title, string Body) Escalated(string nominee, string stepName, DateTimeOffset dueAt) =>
        ($"Hồ sơ quá hạn cần chỉ đạo: {nominee}",
         $"Hồ sơ đề nghị khen thưởng \"{nominee}\" đã quá hạn ở bước \"{stepName}\" (hạn {When(dueAt)}) mà chưa được xử lý. Đề nghị Đồng chí chỉ đạo giải quyết.");

    /// <summary>A reminder after the due day (<c>workingDaysAfter</c>): the task is still open and overdue.</summary>
    public static (string Title, string Body) OverdueReminder(string nominee, string stepName, DateTimeOffset dueAt) =>
        ($"Nhắc hồ sơ quá hạn: {nominee}",
         $"Hồ sơ đề nghị khen thưởng \"{nominee}\" vẫn chờ Đồng chí xử lý ở bước \"{stepName}\", đã quá hạn {When(dueAt)}. Đề nghị Đồng chí xử lý ngay.");

    /// <summary>A level of an escalation chain: before the due time a warning, after it a call to intervene; the level is named.</summary>
    public static (string Title, string Body) EscalatedLevel(string nominee, string stepName, DateTimeOffset dueAt, DateTimeOffset escalateAt, int level) =>
        escalateAt < dueAt
            ? ($"Hồ sơ sắp đến hạn chưa được xử lý (nhắc cấp {level + 1}): {nominee}",
               $"Hồ sơ đề nghị khen thưởng \"{nominee}\" sắp đến hạn ở bước \"{stepName}\" (hạn {When(dueAt)}) mà chưa được xử lý. Đề nghị Đồng chí đôn đốc.")
            : ($"Hồ sơ quá hạn cần chỉ đạo (cấp {level + 1}): {nominee}",
               $"Hồ sơ đề nghị khen thưởng \"{nominee}\" đã quá hạn ở bước \"{stepName}\" (hạn {When(dueAt)}) mà chưa được xử lý. Đề nghị Đồng chí chỉ đạo giải quyết.");

    public static (string Title, string Body) CampaignDraftReminder(string campaign, DateOnly close, int workingDaysLeft, int drafts) =>
        ($"Sắp hết hạn nộp hồ sơ: {campaign}",
         $"Còn {workingDaysLeft} ngày làm việc đến hạn nộp hồ sơ phong trào \"{campaign}\" ({Date(close)}). Đơn vị còn {drafts} hồ sơ chưa trình; đề nghị hoàn thiện và trình đúng hạn.");

    public static (string Title, string Body) CampaignSummary(string campaign, DateOnly close, IEnumerable<(string Unit, int Submitted, int Drafts)> rows)
    {
        var lines = rows.Select(r => $"- {r.Unit}: {r.Submitted} hồ sơ đã trình, {r.Drafts} hồ sơ chưa trình").ToList();
        var body = $"Đã hết hạn nộp hồ sơ phong trào \"{campaign}\" ({Date(close)}). Tổng hợp theo đơn vị:\n"
                   + (lines.Count == 0 ? "- Chưa có đơn vị nào lập hồ sơ." : string.Join('\n', lines));
        return ($"Tổng hợp hồ sơ khi hết hạn nộp: {campaign}", body);
    }
}
