using Commendations.Domain.Documents;
using Commendations.Engine;

namespace Commendations.Domain.Decisions;

/// <summary>
/// The provincial award decision (quyết định khen thưởng): numbered per issuing body and year, e.g. <c>215/QĐ-UBND</c>,
/// dated, signed, covering many nominations. Immutable once issued.
/// </summary>
public class Decision
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Number { get; private set; } = "";
    public int Sequence { get; private set; }
    public string IssuingBody { get; private set; } = "";
    public int Year { get; private set; }
    public DateOnly Date { get; private set; }
    public string SignerName { get; private set; } = "";
    public string SignerTitle { get; private set; } = "";

    /// <summary>The head signs, or a deputy signs for the head ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH").</summary>
    public SignerCapacity SignerCapacity { get; private set; }
    public string Citation { get; private set; } = "";
    public Guid IssuedBy { get; private set; }
    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>A correction is a new decision that amends an earlier one; the earlier one is never edited.</summary>
    public Guid? AmendsDecisionId { get; private set; }

    /// <summary>
    /// What the nominations' definition required of the decision when it was issued (its decision step's signing):
    /// with <see cref="SignatureNeed.Required"/> the decision takes effect only once the leader's signature — and the
    /// seal, when <see cref="SealRole"/> is given — are on its document of record. Kept here because the row never changes.
    /// </summary>
    public SignatureNeed LeaderSignature { get; private set; } = SignatureNeed.Optional;
    public string? SealRole { get; private set; }
    public string? SealScope { get; private set; }

    /// <summary>
    /// For a decision taken above the province (forwarding), the authority that issued it (e.g. "Thủ tướng Chính phủ"),
    /// recorded by the provincial office; null for the province's own decisions.
    /// </summary>
    public string? CentralAuthority { get; private set; }

    /// <summary>A central decision recorded by the province: <paramref name="authority"/> issued it (set once, before it is stored).</summary>
    public Decision IssuedAbove(string authority)
    {
        CentralAuthority = authority;
        return this;
    }

    /// <summary>The register series its lines take when it takes effect (null: the default series).</summary>
    public string? RegisterSeries { get; private set; }

    /// <summary>True when the decision waits for its signatures before the nominations are awarded.</summary>
    public bool AwaitsSignatures => LeaderSignature == SignatureNeed.Required;

    public bool RequiresSeal => AwaitsSignatures && SealRole is not null;

    private Decision() { }

    public Decision(DecisionNumber number, DateOnly date, string signerName, string signerTitle, string citation,
        Guid issuedBy, DateTimeOffset now, Guid? amendsDecisionId = null, SignerCapacity capacity = SignerCapacity.Head)
    {
        SignerCapacity = capacity;
        AmendsDecisionId = amendsDecisionId;
        Number = number.ToString();
        Sequence = number.Sequence;
        IssuingBody = number.IssuingBody;
        Year = date.Year;
        Date = date;
        SignerName = signerName;
        SignerTitle = signerTitle;
        Citation = citation;
        IssuedBy = issuedBy;
        IssuedAt = now;
    }

    /// <summary>The decision with what its definition requires of its signatures (set once, before it is stored).</summary>
    public Decision Requiring(SigningRequirement? signing, string? registerSeries)
    {
        LeaderSignature = signing?.Leader ?? SignatureNeed.Optional;
        SealRole = signing?.HoldsDecision == true ? signing.Seal?.Role : null;
        SealScope = signing?.HoldsDecision == true ? signing.Seal?.Scope : null;
        RegisterSeries = registerSeries;
        return this;
    }
}

public static class SignerCapacities
{
    /// <summary>A title starting "Phó" (a vice-chairman) signs for the head; any other title signs as the head.</summary>
    public static SignerCapacity Infer(string? signerTitle) =>
        signerTitle?.Trim().StartsWith("Phó", StringComparison.OrdinalIgnoreCase) == true ? SignerCapacity.Deputy : SignerCapacity.Head;
}
