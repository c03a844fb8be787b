using Commendations.Domain.Documents;

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
}

public static class SignerCapacities
{
    /// <summary>A title starting "Phó" (a vice-chairman) signs for the head; any other title signs as the head.</summary>
    public static SignerCapacity Infer(string? signerTitle) =>
        signerTitle?.Trim().StartsWith("Phó", StringComparison.OrdinalIgnoreCase) == true ? SignerCapacity.Deputy : SignerCapacity.Head;
}
