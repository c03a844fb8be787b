using Commendations.Domain.Catalog;

namespace Commendations.Domain.Registry;

/// <summary>
/// One line of the award registry (sổ vàng): who received which award, in which campaign, by which decision, under which
/// certificate register number (e.g. <c>SV-2027-0001</c>). Written when a decision is issued, as a snapshot of names at
/// that time, so the registry keeps answering "who received what" even if units are renamed later. Never deleted:
/// revocation marks it revoked; a correcting decision supersedes it with a new line.
/// </summary>
public class AwardRecord
{
    public const int RegisterNumberMaxLength = 40;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid NominationId { get; private set; }
    public Guid DecisionId { get; private set; }
    public string DecisionNumber { get; private set; } = "";
    public DateOnly DecisionDate { get; private set; }
    public string Series { get; private set; } = "";
    public int Year { get; private set; }
    public int Sequence { get; private set; }
    public string RegisterNumber { get; private set; } = "";
    public NomineeKind Kind { get; private set; }
    public Guid? PersonId { get; private set; }
    public Guid? CollectiveId { get; private set; }

    /// <summary>The nominee's stable identity (person or collective) when the line was written: past titles are matched by it.</summary>
    public Guid? NomineeIdentityId { get; private set; }
    public string NomineeName { get; private set; } = "";
    public Guid UnitId { get; private set; }
    public string UnitName { get; private set; } = "";
    public Guid AwardFormId { get; private set; }
    public string AwardFormCode { get; private set; } = "";
    public string AwardFormName { get; private set; } = "";
    public Guid CampaignId { get; private set; }
    public string CampaignCode { get; private set; } = "";
    public string CampaignName { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Decided at the central level by this authority (the province recorded the decision); null when the province decided.</summary>
    public string? CentralAuthority { get; private set; }

    /// <summary>A later decision corrected this line; the correction is its own line with its own register number.</summary>
    public Guid? SupersededByDecisionId { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevocationReason { get; private set; }
    public string? RevokingDecisionNumber { get; private set; }
    public DateOnly? RevocationDate { get; private set; }
    public Guid? RevokedBy { get; private set; }
    public uint Version { get; private set; }

    private AwardRecord() { }

    public AwardRecord(AwardRecordData data, Guid decisionId, string decisionNumber, DateOnly decisionDate, string series, int sequence, DateTimeOffset now)
    {
        NominationId = data.NominationId;
        Kind = data.Kind;
        PersonId = data.PersonId;
        CollectiveId = data.CollectiveId;
        NomineeIdentityId = data.NomineeIdentityId;
        NomineeName = data.NomineeName;
        UnitId = data.UnitId;
        UnitName = data.UnitName;
        AwardFormId = data.AwardFormId;
        AwardFormCode = data.AwardFormCode;
        AwardFormName = data.AwardFormName;
        CampaignId = data.CampaignId;
        CampaignCode = data.CampaignCode;
        CampaignName = data.CampaignName;
        DecisionId = decisionId;
        DecisionNumber = decisionNumber;
        DecisionDate = decisionDate;
        Series = series;
        Year = decisionDate.Year;
        Sequence = sequence;
        RegisterNumber = Format(series, decisionDate.Year, sequence);
        RecordedAt = now;
    }

    /// <summary>The line of a decision taken above the province, written when the province records it.</summary>
    public AwardRecord DecidedAbove(string authority)
    {
        CentralAuthority = authority;
        return this;
    }

    public bool IsRevoked => RevokedAt is not null;
    public bool IsCurrent => SupersededByDecisionId is null;

    public static string Format(string series, int year, int sequence) => $"{series}-{year}-{sequence:D4}";

    /// <summary>What a correction keeps from the line it supersedes.</summary>
    public AwardRecordData Data => new(NominationId, Kind, PersonId, CollectiveId, NomineeName, UnitId, UnitName,
        AwardFormId, AwardFormCode, AwardFormName, CampaignId, CampaignCode, CampaignName) { NomineeIdentityId = NomineeIdentityId };

    public void SupersedeBy(Guid decisionId)
    {
        if (!IsCurrent)
            throw new InvalidOperationException($"{RegisterNumber} was already superseded.");
        SupersededByDecisionId = decisionId;
    }

    /// <summary>Art. 93: revoked by whoever granted it, for a false declaration or a forged dossier. The line stays.</summary>
    public void Revoke(string reason, string revokingDecisionNumber, DateOnly date, Guid by, DateTimeOffset now)
    {
        if (IsRevoked)
            throw new InvalidOperationException($"{RegisterNumber} is already revoked.");
        RevocationReason = reason;
        RevokingDecisionNumber = revokingDecisionNumber;
        RevocationDate = date;
        RevokedBy = by;
        RevokedAt = now;
    }
}

/// <summary>The awardee as named on the decision.</summary>
public sealed record AwardRecordData(
    Guid NominationId, NomineeKind Kind, Guid? PersonId, Guid? CollectiveId, string NomineeName, Guid UnitId, string UnitName,
    Guid AwardFormId, string AwardFormCode, string AwardFormName, Guid CampaignId, string CampaignCode, string CampaignName)
{
    public Guid? NomineeIdentityId { get; init; }

    public AwardRecordData WithName(string nomineeName) => this with { NomineeName = nomineeName };
}
