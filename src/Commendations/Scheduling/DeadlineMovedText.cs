using Commendations.Common.Text;

namespace Commendations.Scheduling;

/// <summary>
/// The one notification of the working calendar (issue 16 C): a task's due time moved because an administrator changed the
/// calendar (a holiday added or removed, an official calendar imported). Sent to the task's assignee through the outbox
/// (the engine's <c>deadline-moved</c> request), once per change.
/// </summary>
public static class DeadlineMovedText
{
    public const string Template = "deadline-moved";
    public const string Kind = "deadline-moved";

    public static (Message Title, Message Body) Moved(string nominee, ILocalised stepName, DateTimeOffset previousDueAt, DateTimeOffset dueAt) =>
        (new Message("Hạn xử lý hồ sơ thay đổi: {0}", nominee),
         new Message("Lịch ngày nghỉ, ngày làm việc đã được điều chỉnh nên hạn xử lý hồ sơ đề nghị khen thưởng \"{0}\" ở bước \"{1}\" chuyển từ {2} sang {3}.",
             nominee, stepName, NotificationTexts.When(previousDueAt), NotificationTexts.When(dueAt)));
}
