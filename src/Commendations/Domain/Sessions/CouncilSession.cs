using Commendations.Engine;

namespace Commendations.Domain.Sessions;

public enum SessionStatus
{
    Open,
    Closed,
}

/// <summary>How a member takes part in a session (điểm danh).</summary>
public enum AttendanceStatus
{
    Present,
    /// <summary>Absent, voting in writing before the session (phiếu bầu bằng văn bản).</summary>
    AbsentWithWrittenVote,
    Absent,
    /// <summary>Declared a conflict of interest: recorded as the engine's Recuse on the nominations concerned.</summary>
    Recused,
}

public enum AgendaOutcome
{
    Pending,
    Passed,
    Failed,
    NoQuorum,
    /// <summary>The nomination left the vote step before the session closed (withdrawn, or decided otherwise).</summary>
    NotAtVote,
}

/// <summary>
/// A council session (phiên họp xét khen thưởng): the secretary opens it for a committee with an agenda of nominations at
/// that committee's vote step, records attendance and ballots, and closes it; closing hands every ballot to the
/// workflow engine, which decides each nomination by its own quorum and threshold rule.
/// </summary>
public class CouncilSession
{
    public const int TitleMaxLength = 300;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CommitteeId { get; private set; }
    public string CommitteeCode { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string? Location { get; private set; }
    public DateTimeOffset HeldAt { get; private set; }
    public SessionStatus Status { get; private set; } = SessionStatus.Open;
    public Guid OpenedBy { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public Guid? ClosedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>The minutes' number, e.g. <c>05/BB-HĐTĐKT</c> (given by the secretary; Decree 30/2020/NĐ-CP numbering).</summary>
    public string? MinutesNumber { get; private set; }

    /// <summary>Who chairs the session (chủ trì) and who takes the minutes (thư ký): the committee's by default.</summary>
    public Guid? ChairUserId { get; private set; }
    public Guid? SecretaryUserId { get; private set; }

    /// <summary>When the meeting ended (the close, unless the secretary records another time).</summary>
    public DateTimeOffset? EndedAt { get; private set; }
    public List<SessionAgendaItem> Agenda { get; private set; } = [];
    public List<SessionAttendance> Attendance { get; private set; } = [];
    public List<SessionBallot> Ballots { get; private set; } = [];
    public uint Version { get; private set; }

    private CouncilSession() { }

    /// <param name="secret">Agenda nominations whose vote step is a secret ballot.</param>
    public CouncilSession(Guid committeeId, string committeeCode, string title, string? location, DateTimeOffset heldAt,
        IEnumerable<(Guid NominationId, string StepKey)> agenda, IEnumerable<Guid> members, Guid openedBy, DateTimeOffset now,
        IReadOnlySet<Guid>? secret = null, Guid? chairUserId = null, Guid? secretaryUserId = null)
    {
        ChairUserId = chairUserId;
        SecretaryUserId = secretaryUserId;
        CommitteeId = committeeId;
        CommitteeCode = committeeCode;
        Title = title;
        Location = location;
        HeldAt = heldAt;
        OpenedBy = openedBy;
        OpenedAt = now;
        Agenda = agenda.Select((a, i) => new SessionAgendaItem(Id, a.NominationId, a.StepKey, i + 1, secret?.Contains(a.NominationId) == true)).ToList();
        Attendance = members.Select(m => new SessionAttendance(Id, m)).ToList();
    }

    public bool IsOpen => Status == SessionStatus.Open;

    public SessionAttendance? AttendanceOf(Guid memberId) => Attendance.FirstOrDefault(a => a.MemberUserId == memberId);

    public SessionAgendaItem? ItemFor(Guid nominationId) => Agenda.FirstOrDefault(a => a.NominationId == nominationId);

    public SessionBallot? BallotOf(Guid nominationId, Guid memberId) =>
        Ballots.FirstOrDefault(b => b.NominationId == nominationId && b.MemberUserId == memberId);

    /// <summary>
    /// A member's secret ballot: only the receipt (who voted, when, in writing or not) is a row here, without the choice,
    /// which goes sealed into the ballot box (<see cref="SealedBallot"/>). A secret ballot cannot be replaced: the caller
    /// refuses a second one (<see cref="BallotOf"/>).
    /// </summary>
    public SessionBallot RecordSecretBallot(Guid nominationId, Guid memberId, bool written, Guid recordedBy, DateTimeOffset now)
    {
        if (BallotOf(nominationId, memberId) is not null)
            throw new InvalidOperationException("A secret ballot is cast once.");
        var receipt = new SessionBallot(Id, nominationId, memberId, null, written, recordedBy, now);
        Ballots.Add(receipt);
        return receipt;
    }

    /// <summary>A member's ballot on one nomination; a later ballot before the close replaces the earlier one.</summary>
    public SessionBallot RecordBallot(Guid nominationId, Guid memberId, VoteChoice choice, bool written, Guid recordedBy, DateTimeOffset now)
    {
        var existing = Ballots.FirstOrDefault(b => b.NominationId == nominationId && b.MemberUserId == memberId);
        if (existing is not null)
        {
            existing.Replace(choice, written, recordedBy, now);
            return existing;
        }
        var ballot = new SessionBallot(Id, nominationId, memberId, choice, written, recordedBy, now);
        Ballots.Add(ballot);
        return ballot;
    }

    /// <summary>The minutes' particulars the secretary records (before or after the close).</summary>
    public void RecordMinutesDetails(string? number, Guid? chairUserId, Guid? secretaryUserId, DateTimeOffset? endedAt)
    {
        MinutesNumber = string.IsNullOrWhiteSpace(number) ? MinutesNumber : number.Trim();
        ChairUserId = chairUserId ?? ChairUserId;
        SecretaryUserId = secretaryUserId ?? SecretaryUserId;
        EndedAt = endedAt ?? EndedAt;
    }

    public void Close(Guid closedBy, DateTimeOffset now)
    {
        EndedAt ??= now;
        Status = SessionStatus.Closed;
        ClosedBy = closedBy;
        ClosedAt = now;
    }
}

public class SessionAgendaItem
{
    public Guid SessionId { get; private set; }
    public Guid NominationId { get; private set; }
    public string StepKey { get; private set; } = "";
    public int Order { get; private set; }
    public AgendaOutcome Outcome { get; private set; } = AgendaOutcome.Pending;

    /// <summary>
    /// The vote step is a secret ballot: ballots are receipts without choices plus a sealed ballot box; no count exists
    /// before the close, and after it only the counts.
    /// </summary>
    public bool Secret { get; private set; }

    /// <summary>The engine's own count as it recorded it (e.g. "yes 8, no 0, abstain 0, recused 1, members 9, …").</summary>
    public string? EngineTally { get; private set; }
    public int Yes { get; private set; }
    public int No { get; private set; }
    public int Abstain { get; private set; }
    public int Recused { get; private set; }
    public int NotVoting { get; private set; }

    private SessionAgendaItem() { }

    public SessionAgendaItem(Guid sessionId, Guid nominationId, string stepKey, int order, bool secret = false)
    {
        Secret = secret;
        SessionId = sessionId;
        NominationId = nominationId;
        StepKey = stepKey;
        Order = order;
    }

    public void Decide(AgendaOutcome outcome, string? engineTally, int yes, int no, int abstain, int recused, int notVoting)
    {
        Outcome = outcome;
        EngineTally = engineTally;
        Yes = yes;
        No = no;
        Abstain = abstain;
        Recused = recused;
        NotVoting = notVoting;
    }
}

public class SessionAttendance
{
    public Guid SessionId { get; private set; }
    public Guid MemberUserId { get; private set; }
    public AttendanceStatus Status { get; private set; } = AttendanceStatus.Absent;
    public string? Note { get; private set; }

    /// <summary>For <see cref="AttendanceStatus.Recused"/>: the nominations concerned; empty means the whole agenda.</summary>
    public List<Guid> RecusedFrom { get; private set; } = [];

    private SessionAttendance() { }

    public SessionAttendance(Guid sessionId, Guid memberUserId)
    {
        SessionId = sessionId;
        MemberUserId = memberUserId;
    }

    public void Record(AttendanceStatus status, string? note, IEnumerable<Guid>? recusedFrom)
    {
        Status = status;
        Note = note;
        RecusedFrom = status == AttendanceStatus.Recused ? recusedFrom?.Distinct().ToList() ?? [] : [];
    }

    public bool IsRecusedFrom(Guid nominationId) =>
        Status == AttendanceStatus.Recused && (RecusedFrom.Count == 0 || RecusedFrom.Contains(nominationId));

    /// <summary>Present members vote in the session; absent members only in writing; a recused member only where not recused.</summary>
    public bool MayVoteOn(Guid nominationId) =>
        Status is AttendanceStatus.Present or AttendanceStatus.AbsentWithWrittenVote
        || (Status == AttendanceStatus.Recused && !IsRecusedFrom(nominationId));
}

public class SessionBallot
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid SessionId { get; private set; }
    public Guid NominationId { get; private set; }
    public Guid MemberUserId { get; private set; }

    /// <summary>The member's choice in an open vote; null in a secret one (the row is then only the receipt).</summary>
    public VoteChoice? Choice { get; private set; }
    public bool Written { get; private set; }
    public Guid RecordedBy { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    private SessionBallot() { }

    public SessionBallot(Guid sessionId, Guid nominationId, Guid memberUserId, VoteChoice? choice, bool written, Guid recordedBy, DateTimeOffset now)
    {
        SessionId = sessionId;
        NominationId = nominationId;
        MemberUserId = memberUserId;
        Choice = choice;
        Written = written;
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    public void Replace(VoteChoice choice, bool written, Guid recordedBy, DateTimeOffset now)
    {
        Choice = choice;
        Written = written;
        RecordedBy = recordedBy;
        RecordedAt = now;
    }
}

/// <summary>
/// One secret ballot in a session's ballot box: the choice sealed (AES-GCM under a key derived from the application's
/// audit key, which stays outside the database), with a random id and nothing else — no member, no time, no order. The box
/// is opened and emptied when the session closes; only the counts remain (<see cref="SessionAgendaItem"/>).
/// </summary>
public class SealedBallot
{
    /// <summary>Random (version 4), unlike the time-ordered ids elsewhere: it must not tell when the ballot was cast.</summary>
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid SessionId { get; private set; }
    public Guid NominationId { get; private set; }
    public byte[] Sealed { get; private set; } = [];

    private SealedBallot() { }

    public SealedBallot(Guid sessionId, Guid nominationId, byte[] sealedChoice)
    {
        SessionId = sessionId;
        NominationId = nominationId;
        Sealed = sealedChoice;
    }
}
