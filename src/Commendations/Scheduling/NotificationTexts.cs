using Commendations.Engine;
using System.Globalization;
using Commendations.Common.Text;

namespace Commendations.Scheduling;

/// <summary>
/// The wording of every notification (in-app and e-mail alike): Vietnamese templates with their arguments, formatted
/// in each recipient's language when the notification is written (<see cref="Notifier"/>; English in
/// <c>Resources/Messages.en.json</c>). Step names are localisable texts from the definitions (<c>StepNameText</c>).
/// </summary>
public static class NotificationTexts
{

    /// <summary>Texts that must read alike for everyone (exports, logs) are Vietnamese.</summary>
    public static readonly CultureInfo Vietnamese = Languages.Vietnamese;

    /// <summary>"17:00 ngày 07/12/2026" in Vietnam time ("17:00 on 07/12/2026" in English).</summary>
    public static Message When(DateTimeOffset instant)
    {
        var local = instant.ToOffset(VietnamTime.Offset);
        return new Message("{0} ngày {1}", local.ToString("HH:mm", CultureInfo.InvariantCulture), local.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
    }

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static (Message Title, Message Body) Reminder(string nominee, ILocalised stepName, DateTimeOffset dueAt) =>
        (new Message("Nhắc hạn xử lý hồ sơ: {0}", nominee),
         new Message("Hồ sơ đề nghị khen thưởng \"{0}\" đang chờ Đồng chí xử lý ở bước \"{1}\". Hạn xử lý: {2}.", nominee, stepName, When(dueAt)));

    public static (Message Title, Message Body) Overdue(string nominee, ILocalised stepName, DateTimeOffset dueAt) =>
        (new Message("Quá hạn xử lý hồ sơ: {0}", nominee),
         new Message("Hồ sơ đề nghị khen thưởng \"{0}\" đã quá hạn xử lý ở bước \"{1}\" (hạn {2}). Đề nghị Đồng chí xử lý ngay.", nominee, stepName, When(dueAt)));

    public static (Message Title, Message Body) Escalated(string nominee, ILocalised stepName, DateTimeOffset dueAt) =>
        (new Message("Hồ sơ quá hạn cần chỉ đạo: {0}", nominee), EscalatedBody(nominee, stepName, dueAt));

    /// <summary>A reminder after the due day (<c>workingDaysAfter</c>): the task is still open and overdue.</summary>
    public static (Message Title, Message Body) OverdueReminder(string nominee, ILocalised stepName, DateTimeOffset dueAt) =>
        (new Message("Nhắc hồ sơ quá hạn: {0}", nominee),
         new Message("Hồ sơ đề nghị khen thưởng \"{0}\" vẫn chờ Đồng chí xử lý ở bước \"{1}\", đã quá hạn {2}. Đề nghị Đồng chí xử lý ngay.", nominee, stepName, When(dueAt)));

    /// <summary>A level of an escalation chain: before the due time a warning, after it a call to intervene; the level is named.</summary>
    public static (Message Title, Message Body) EscalatedLevel(string nominee, ILocalised stepName, DateTimeOffset dueAt, DateTimeOffset escalateAt, int level) =>
        escalateAt < dueAt
            ? (new Message("Hồ sơ sắp đến hạn chưa được xử lý (nhắc cấp {1}): {0}", nominee, level + 1),
               new Message("Hồ sơ đề nghị khen thưởng \"{0}\" sắp đến hạn ở bước \"{1}\" (hạn {2}) mà chưa được xử lý. Đề nghị Đồng chí đôn đốc.", nominee, stepName, When(dueAt)))
            : (new Message("Hồ sơ quá hạn cần chỉ đạo (cấp {1}): {0}", nominee, level + 1), EscalatedBody(nominee, stepName, dueAt));

    private static Message EscalatedBody(string nominee, ILocalised stepName, DateTimeOffset dueAt) =>
        new Message("Hồ sơ đề nghị khen thưởng \"{0}\" đã quá hạn ở bước \"{1}\" (hạn {2}) mà chưa được xử lý. Đề nghị Đồng chí chỉ đạo giải quyết.", nominee, stepName, When(dueAt));

    public static (Message Title, Message Body) CampaignDraftReminder(string campaign, DateOnly close, int workingDaysLeft, int drafts) =>
        (new Message("Sắp hết hạn nộp hồ sơ: {0}", campaign),
         new Message("Còn {0} ngày làm việc đến hạn nộp hồ sơ phong trào \"{1}\" ({2}). Đơn vị còn {3} hồ sơ chưa trình; đề nghị hoàn thiện và trình đúng hạn.",
             workingDaysLeft, campaign, Date(close), drafts));

    public static (Message Title, Message Body) CampaignSummary(string campaign, DateOnly close, IEnumerable<(string Unit, int Submitted, int Drafts)> rows)
    {
        var lines = rows.Select(r => (ILocalised)new Message("- {0}: {1} hồ sơ đã trình, {2} hồ sơ chưa trình", r.Unit, r.Submitted, r.Drafts)).ToList();
        if (lines.Count == 0)
            lines.Add(new Message("- Chưa có đơn vị nào lập hồ sơ."));
        return (new Message("Tổng hợp hồ sơ khi hết hạn nộp: {0}", campaign),
            new Message("Đã hết hạn nộp hồ sơ phong trào \"{0}\" ({1}). Tổng hợp theo đơn vị:\n{2}", campaign, Date(close), new Lines(lines)));
    }

    // ---- hand-overs: what happened to a nomination, told to whoever it concerns ----

    /// <summary>A task opened for the recipient (or their role in their unit): a member's turn in a sequence, a branch, a sub-route's step.</summary>
    public static (Message Title, Message Body) YourTurn(string nominee, string unit, ILocalised stepName, DateTimeOffset dueAt) =>
        (new Message("Đến lượt Đồng chí xử lý hồ sơ: {0}", nominee),
         new Message("Hồ sơ đề nghị khen thưởng \"{0}\" ({1}) đã chuyển đến Đồng chí ở bước \"{2}\". Hạn xử lý: {3}.", nominee, unit, stepName, When(dueAt)));

    /// <summary>A vote opened: each member is asked for their ballot; a secret one is cast in the council's session.</summary>
    public static (Message Title, Message Body) YourVote(string nominee, string unit, ILocalised stepName, DateTimeOffset dueAt, bool secret) =>
        (new Message("Hồ sơ chờ Đồng chí biểu quyết: {0}", nominee),
         secret
             ? new Message("Hồ sơ đề nghị khen thưởng \"{0}\" ({1}) chờ Hội đồng biểu quyết kín ở bước \"{2}\", hạn {3}. Đồng chí bỏ phiếu trong phiên họp của Hội đồng.",
                 nominee, unit, stepName, When(dueAt))
             : new Message("Hồ sơ đề nghị khen thưởng \"{0}\" ({1}) chờ Đồng chí biểu quyết ở bước \"{2}\". Hạn biểu quyết: {3}.", nominee, unit, stepName, When(dueAt)));

    /// <summary>Returned for supplement, with the written reason; <paramref name="dueAt"/> is when the dossier is due again.</summary>
    public static (Message Title, ILocalised Body) Returned(string nominee, ILocalised stepName, string? reason, DateTimeOffset? dueAt) =>
        (new Message("Hồ sơ bị trả lại, yêu cầu bổ sung: {0}", nominee),
         new Concat(
             new Message("Hồ sơ đề nghị khen thưởng \"{0}\" bị trả lại ở bước \"{1}\" để bổ sung.", nominee, stepName),
             Reason(reason),
             dueAt is { } due ? new Message("\nHạn trình lại: {0}.", When(due)) : new Verbatim("")));

    /// <summary>Not awarded: a rejection with its reason, or a council vote that did not pass (its counts are the reason).</summary>
    public static (Message Title, ILocalised Body) Rejected(string nominee, ILocalised stepName, ILocalised? reason) =>
        (new Message("Hồ sơ không được khen thưởng: {0}", nominee),
         new Concat(new Message("Hồ sơ đề nghị khen thưởng \"{0}\" không được khen thưởng (bước \"{1}\").", nominee, stepName),
             reason is null ? new Verbatim("") : new Message("\nLý do: {0}", reason)));

    public static (Message Title, ILocalised Body) Withdrawn(string nominee, string? reason) =>
        (new Message("Đề nghị đã được rút: {0}", nominee),
         new Concat(new Message("Hồ sơ đề nghị khen thưởng \"{0}\" đã được rút; không cần xử lý tiếp.", nominee), Reason(reason)));

    /// <summary>An administrator ended a wait (e.g. the public disclosure) before its time, by a legal decision.</summary>
    public static (Message Title, ILocalised Body) WaitEndedEarly(string nominee, ILocalised waitName, ILocalised nextStep, string? reason) =>
        (new Message("Kết thúc sớm thời gian chờ: {0}", nominee),
         new Concat(new Message("Bước \"{0}\" của hồ sơ \"{1}\" được quản trị viên kết thúc trước hạn; hồ sơ chuyển sang bước \"{2}\".", waitName, nominee, nextStep),
             Reason(reason)));

    /// <summary>An administrator moved the nomination to another step of its route.</summary>
    public static (Message Title, ILocalised Body) Moved(string nominee, ILocalised fromStep, ILocalised toStep, string? reason) =>
        (new Message("Hồ sơ được chuyển bước: {0}", nominee),
         new Concat(new Message("Hồ sơ \"{0}\" được quản trị viên chuyển từ bước \"{1}\" sang bước \"{2}\"; các việc đang mở ở bước cũ đã đóng.", nominee, fromStep, toStep),
             Reason(reason)));

    /// <summary>Awarded by a decision: its number and date.</summary>
    public static (Message Title, Message Body) Awarded(string nominee, string? decisionNumber, DateOnly? decisionDate) =>
        (new Message("Hồ sơ được khen thưởng: {0}", nominee),
         decisionNumber is not null && decisionDate is { } date
             ? new Message("Hồ sơ đề nghị khen thưởng \"{0}\" đã được khen thưởng theo Quyết định số {1} ngày {2}.", nominee, decisionNumber, Date(date))
             : new Message("Hồ sơ đề nghị khen thưởng \"{0}\" đã được khen thưởng.", nominee));

    public static (Message Title, Message Body) DisclosureStarted(string nominee, ILocalised stepName, DateTimeOffset until) =>
        (new Message("Bắt đầu công khai, lấy ý kiến: {0}", nominee),
         new Message("Hồ sơ đề nghị khen thưởng \"{0}\" được công khai để lấy ý kiến ở bước \"{1}\" đến {2}. Khiếu nại gửi trong thời gian này làm hồ sơ tạm dừng cho đến khi được giải quyết.",
             nominee, stepName, When(until)));

    /// <summary>A council session called: to its members, with its time and place.</summary>
    public static (Message Title, Message Body) SessionOpened(string committee, string title, DateTimeOffset heldAt, string? location, int agenda) =>
        (new Message("Triệu tập phiên họp: {0}", title),
         location is null
             ? new Message("{0} họp xét {1} hồ sơ vào {2}. Đề nghị Đồng chí tham dự và biểu quyết.", committee, agenda, When(heldAt))
             : new Message("{0} họp xét {1} hồ sơ vào {2}, tại {3}. Đề nghị Đồng chí tham dự và biểu quyết.", committee, agenda, When(heldAt), location));

    public static (Message Title, ILocalised Body) DisclosureComment(string nominee, bool complaint, string text) =>
        (complaint ? new Message("Khiếu nại về {0}", nominee) : new Message("Ý kiến về {0}", nominee), new Verbatim(text));

    /// <summary>The counts of a council vote that did not pass, as the reason of a rejection.</summary>
    public static Message VoteNotPassed(int yes, int denominator, decimal threshold) =>
        new Message("Hội đồng biểu quyết không đạt: {0}/{1} thành viên đồng ý, cần từ {2}% tổng số thành viên.", yes, denominator, Percent(threshold));

    public static Message VoteWithoutQuorum(int participants, int denominator, decimal quorum) =>
        new Message("Không đủ số thành viên tham gia biểu quyết: {0}/{1}, cần từ {2}%.", participants, denominator, Percent(quorum));

    public static string Percent(decimal fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture);

    private static ILocalised Reason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? new Verbatim("") : new Message("\nLý do: {0}", reason.Trim());

    // ---- e-mail ----

    public static Message MailLink(string url) => new Message("Xem chi tiết: {0}", url);

    public static Message MailFooter(string settingsUrl) =>
        new Message("Thư này được gửi tự động từ Hệ thống Thi đua - Khen thưởng; vui lòng không trả lời thư này. Để không nhận thư thông báo, vào {0}.", settingsUrl);

    /// <summary>Sentences one after another, each in the reader's language.</summary>
    private sealed record Concat(params ILocalised[] Parts) : ILocalised
    {
        public string Format(CultureInfo? culture = null) => string.Concat(Parts.Select(p => p.Format(culture)));
    }

    /// <summary>Lines of a list, each in the reader's language.</summary>
    private sealed record Lines(IReadOnlyList<ILocalised> Items) : ILocalised
    {
        public string Format(CultureInfo? culture = null) => string.Join('\n', Items.Select(i => i.Format(culture)));
    }
}
