namespace Commendations.Domain.Audit;

/// <summary>
/// One append-only audit record: who did what, when, from where, with the comment. Entries form a hash chain per
/// stream (e.g. one nomination): each hash covers the entry and the previous hash, and the stream's head is kept in
/// <see cref="AuditStream"/>, so an edited, inserted or deleted entry — even the last one — is detectable.
/// </summary>
public class AuditEntry
{
    public long Id { get; private set; }
    public string Stream { get; private set; } = "";
    public long Sequence { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid ActorId { get; private set; }
    public string ActorName { get; private set; } = "";
    public string? IpAddress { get; private set; }
    public string Action { get; private set; } = "";
    public string? StepKey { get; private set; }
    public string? Comment { get; private set; }

    /// <summary>Structured details as JSON (jsonb).</summary>
    public string Data { get; private set; } = "{}";
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    private AuditEntry() { }

    public AuditEntry(string stream, long sequence, DateTimeOffset at, Guid actorId, string actorName, string? ipAddress,
        string action, string? stepKey, string? comment, string data, string previousHash)
    {
        Stream = stream;
        Sequence = sequence;
        // PostgreSQL keeps microseconds: truncate now so the hash computed here matches the one recomputed from the row.
        At = new DateTimeOffset(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);
        ActorId = actorId;
        ActorName = actorName;
        IpAddress = ipAddress;
        Action = action;
        StepKey = stepKey;
        Comment = comment;
        Data = data;
        PreviousHash = previousHash;
        Hash = AuditHash.Compute(this);
    }
}

/// <summary>
/// The head of one audit chain, sealed with the application's key (<see cref="AuditHeadSeal"/>). Its row version
/// serialises appends to the same stream.
/// </summary>
public class AuditStream
{
    public string Name { get; private set; } = "";
    public long LastSequence { get; private set; }
    public string LastHash { get; private set; } = "";

    /// <summary>Null for a head written before heads were sealed, until an administrator seals it after checking its chain.</summary>
    public string? Seal { get; private set; }

    public uint Version { get; private set; }

    private AuditStream() { }

    public AuditStream(string name) => Name = name;

    public void Advance(AuditEntry entry, AuditHeadSeal seal)
    {
        // Only a new head or a genuine one is sealed again. A head never sealed stays unsealed (sealing it here would vouch
        // for a tail nobody checked), and a head whose seal does not match keeps that seal: an approval must not wash
        // away the evidence of a rewritten head.
        var reseal = LastSequence == 0 && Seal is null || seal.Check(this) is AuditSealState.Valid or AuditSealState.ValidWithPreviousKey;
        LastSequence = entry.Sequence;
        LastHash = entry.Hash;
        if (reseal)
            Seal = seal.Compute(Name, LastSequence, LastHash);
    }

    /// <summary>Seals (or seals again, under the current key) a head whose chain has just been checked against it.</summary>
    public void SealWith(AuditHeadSeal seal) => Seal = seal.Compute(Name, LastSequence, LastHash);
}
