namespace Commendations.Domain.Repairs;

public enum RepairRequestStatus
{
    Pending,
    Approved,
    Declined,
}

/// <summary>
/// A repair one administrator asked for while a second administrator's approval is required (<c>Repairs:RequireSecondApproval</c>):
/// the command as asked (kind and JSON), checked once by a dry run when asked, carried out only when another administrator
/// approves — checked again then, since the route may have moved on — or declined with a note.
/// </summary>
public class RepairRequest
{
    public const int KindMaxLength = 60;
    public const int NoteMaxLength = 2000;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>Which repair (<see cref="Features.Repairs.RepairKinds"/>): the command's type name.</summary>
    public string Kind { get; private set; } = "";

    /// <summary>The command as the first administrator sent it, in JSON.</summary>
    public string Command { get; private set; } = "";

    public Guid? NominationId { get; private set; }
    public string Reason { get; private set; } = "";

    /// <summary>What the dry run said the repair would do, in the requester's words (shown to the approver).</summary>
    public string Summary { get; private set; } = "";

    public Guid RequestedBy { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public RepairRequestStatus Status { get; private set; } = RepairRequestStatus.Pending;
    public Guid? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionNote { get; private set; }
    public uint Version { get; private set; }

    private RepairRequest() { }

    public RepairRequest(string kind, string command, Guid? nominationId, string reason, string summary, Guid requestedBy, DateTimeOffset now)
    {
        Kind = kind;
        Command = command;
        NominationId = nominationId;
        Reason = reason;
        Summary = summary;
        RequestedBy = requestedBy;
        RequestedAt = now;
    }

    public void Decide(bool approved, Guid by, string? note, DateTimeOffset now)
    {
        Status = approved ? RepairRequestStatus.Approved : RepairRequestStatus.Declined;
        DecidedBy = by;
        DecisionNote = note;
        DecidedAt = now;
    }
}
