namespace Commendations.Domain.Documents;

public enum LegalInstrumentKind
{
    /// <summary>Luật: cited by its name and date ("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;").</summary>
    Law,
    /// <summary>Nghị định: cited by number, date, issuer and subject.</summary>
    Decree,
    /// <summary>Thông tư.</summary>
    Circular,
    /// <summary>Quyết định, nghị quyết or another instrument cited like a decree.</summary>
    Other,
}

/// <summary>
/// A law or decree a decision cites as its legal basis ("Căn cứ …"), with the period a decision dated in it cites it:
/// Decree 98/2023/NĐ-CP for decisions dated 01/01/2024–30/06/2025, Decree 152/2025/NĐ-CP from 01/07/2025. Administrators
/// maintain them (<c>/quan-tri/van-ban</c>); a decision cites every instrument applicable on its date, in order.
/// </summary>
public class LegalInstrument
{
    public const int TextMaxLength = 1000;

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public LegalInstrumentKind Kind { get; private set; }

    /// <summary>"Luật Thi đua, khen thưởng", "Nghị định".</summary>
    public string Name { get; private set; } = "";

    /// <summary>"06/2022/QH15", "152/2025/NĐ-CP".</summary>
    public string Number { get; private set; } = "";
    public DateOnly IssuedOn { get; private set; }

    /// <summary>"Quốc hội", "Chính phủ".</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>The subject (trích yếu), e.g. "quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng".</summary>
    public string Subject { get; private set; } = "";
    public DateOnly AppliesFrom { get; private set; }

    /// <summary>The last day a decision cites it (inclusive); null while in force.</summary>
    public DateOnly? AppliesUntil { get; private set; }

    /// <summary>Position among the citations (laws first, then decrees).</summary>
    public int Order { get; private set; }

    /// <summary>Where the number, dates and period were checked.</summary>
    public string? Source { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    private LegalInstrument() { }

    public LegalInstrument(LegalInstrumentKind kind, string name, string number, DateOnly issuedOn, string issuer, string subject,
        DateOnly appliesFrom, DateOnly? appliesUntil, int order, string? source, DateTimeOffset now) =>
        Edit(kind, name, number, issuedOn, issuer, subject, appliesFrom, appliesUntil, order, source, now);

    public void Edit(LegalInstrumentKind kind, string name, string number, DateOnly issuedOn, string issuer, string subject,
        DateOnly appliesFrom, DateOnly? appliesUntil, int order, string? source, DateTimeOffset now)
    {
        Kind = kind;
        Name = name;
        Number = number;
        IssuedOn = issuedOn;
        Issuer = issuer;
        Subject = subject;
        AppliesFrom = appliesFrom;
        AppliesUntil = appliesUntil;
        Order = order;
        Source = source;
        UpdatedAt = now;
    }

    public bool AppliesOn(DateOnly date) => date >= AppliesFrom && (AppliesUntil is null || date <= AppliesUntil);

    /// <summary>The line of the decision's preamble, e.g. "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ …;".</summary>
    public string Citation => Kind == LegalInstrumentKind.Law
        ? $"Căn cứ {Name} {VietnameseDates.Long(IssuedOn)};"
        : $"Căn cứ {Name} số {Number} {VietnameseDates.Long(IssuedOn)} của {Issuer} {Subject};".Replace(" ;", ";");
}
