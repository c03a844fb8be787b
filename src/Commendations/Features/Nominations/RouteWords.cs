using Commendations.Common.Text;
using Commendations.Engine;
using Commendations.Workflow;

namespace Commendations.Features.Nominations;

/// <summary>A line of an instance's history in words (the engine records events and outcome codes; people read these).</summary>
public static class RouteWords
{
    public static Message What(HistoryEntry entry, WorkflowDefinition definition) => entry.Event switch
    {
        HistoryEvent.StepEntered => new Message("Chuyển đến bước"),
        HistoryEvent.StepLeft => new Message("Kết thúc bước: {0}", StepOutcome(entry, definition)),
        HistoryEvent.Acted when entry.Outcome is { } action => new Message("Xử lý: {0}", DefinitionSemantics.ActionName(definition, entry.StepKey, action)),
        HistoryEvent.Voted => entry.Outcome == "voted" ? new Message("Bỏ phiếu kín") : new Message("Bỏ phiếu: {0}", Ballot(entry.Outcome)),
        HistoryEvent.VoteCounted => new Message("Kiểm phiếu: {0}", Outcome(entry.Outcome)),
        HistoryEvent.Overdue => new Message("Quá hạn xử lý"),
        HistoryEvent.Withdrawn => new Message("Rút đề nghị"),
        HistoryEvent.Completed => new Message("Kết thúc quy trình: {0}", Outcome(entry.Outcome)),
        HistoryEvent.Migrated => new Message("Chuyển từ phiên bản {0} sang phiên bản {1} của quy trình", entry.FromVersion ?? 0, entry.ToVersion ?? 0),
        HistoryEvent.Escalated => new Message("Báo cáo cấp trên (mức {0})", (entry.Level ?? 0) + 1),
        HistoryEvent.DeadlinePastAtEntry => new Message("Mở việc khi đã quá hạn"),
        HistoryEvent.WaitEndedEarly => new Message("Kết thúc thời gian chờ trước hạn"),
        HistoryEvent.Reassigned => new Message("Chuyển việc cho người khác"),
        HistoryEvent.Moved => new Message("Quản trị viên chuyển hồ sơ từ bước “{0}”", DefinitionSemantics.StepName(definition, entry.FromStep, null)),
        // The working calendar changed (a day off added or removed, an official calendar imported).
        HistoryEvent.DeadlineMoved => new Message("Hạn xử lý thay đổi do điều chỉnh lịch ngày nghỉ, ngày làm việc"),
        _ => new Message("Ghi nhận khác"),
    };

    /// <summary>How a step ended: a task by the action taken (as its button reads), other steps by their outcome.</summary>
    private static object StepOutcome(HistoryEntry entry, WorkflowDefinition definition) =>
        entry.StepKey is { } key && entry.Outcome is { } action && StepPaths.Resolve(definition, key) is TaskStep task && task.FindAction(action) is not null
            ? DefinitionSemantics.ActionName(definition, key, action)
            : Outcome(entry.Outcome);

    /// <summary>An approval's, a vote's or an end's outcome code in words.</summary>
    public static Message Outcome(string? outcome) => outcome switch
    {
        Outcomes.Approved => new Message("thông qua"),
        Outcomes.Returned => new Message("trả lại để bổ sung"),
        Outcomes.Rejected or nameof(EndResult.Rejected) => new Message("không chấp thuận"),
        Outcomes.Passed => new Message("biểu quyết đạt"),
        Outcomes.Failed => new Message("biểu quyết không đạt"),
        Outcomes.NoQuorum => new Message("không đủ số thành viên tham dự"),
        nameof(EndResult.Awarded) or Outcomes.Awarded => new Message("được khen thưởng"),
        nameof(EndResult.Withdrawn) or Outcomes.Withdrawn => new Message("đã rút"),
        Outcomes.Cancelled => new Message("dừng do hồ sơ đi bước khác"),
        InstanceMover.MovedOutcome => new Message("dừng do quản trị viên chuyển hồ sơ sang bước khác"),
        _ => new Message("hoàn thành"),
    };

    private static Message Ballot(string? choice) => choice switch
    {
        "yes" => new Message("tán thành"),
        "no" => new Message("không tán thành"),
        "abstain" => new Message("không biểu quyết"),
        _ => new Message("không tham gia (xung đột lợi ích)"),
    };
}
