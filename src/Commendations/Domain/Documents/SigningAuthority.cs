namespace Commendations.Domain.Documents;

/// <summary>Who signs: the head of the authority, or a deputy signing for the head ("KT.", ký thay).</summary>
public enum SignerCapacity
{
    Head,
    Deputy,
}

/// <summary>
/// The issuing authority as a decision prints it (Decree 30/2020/NĐ-CP layout), a version in force from a date: the body's
/// name in the heading ("ỦY BAN NHÂN DÂN TỈNH LAM GIANG"), the place, the authority line above the preamble in full ("CHỦ
/// TỊCH ỦY BAN NHÂN DÂN TỈNH LAM GIANG"), the head's title in the signature block ("CHỦ TỊCH") and a deputy's ("PHÓ CHỦ
/// TỊCH", under "KT. CHỦ TỊCH"), the proposal line, the article on execution and the recipients. A decision prints the
/// version in force on its date; administrators add versions (<c>/quan-tri/van-ban</c>), never edit a used one.
/// </summary>
public class SigningAuthority
{
    public const int LineMaxLength = 500;

    /// <summary>"Ký thay" (Decree 30/2020/NĐ-CP): written before the head's title when a deputy signs for the head.</summary>
    public const string OnBehalfPrefix = "KT.";

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public DateOnly EffectiveFrom { get; private set; }
    public string IssuerName { get; private set; } = "";
    public string Place { get; private set; } = "";
    public string AuthorityLine { get; private set; } = "";
    public string HeadTitle { get; private set; } = "";
    public string DeputyTitle { get; private set; } = "";
    public string ProposalLine { get; private set; } = "";
    public string ExecutionLine { get; private set; } = "";
    public List<string> Recipients { get; private set; } = [];
    public Guid CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    private SigningAuthority() { }

    public SigningAuthority(DateOnly effectiveFrom, string issuerName, string place, string authorityLine, string headTitle, string deputyTitle,
        string proposalLine, string executionLine, IEnumerable<string> recipients, Guid createdBy, DateTimeOffset now)
    {
        EffectiveFrom = effectiveFrom;
        IssuerName = issuerName;
        Place = place;
        AuthorityLine = authorityLine;
        HeadTitle = headTitle;
        DeputyTitle = deputyTitle;
        ProposalLine = proposalLine;
        ExecutionLine = executionLine;
        Recipients = recipients.ToList();
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    /// <summary>
    /// The signature block's lines above the name: ["CHỦ TỊCH"], or ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] when a deputy signs
    /// for the head.
    /// </summary>
    public IReadOnlyList<string> SignatureLines(SignerCapacity capacity) => capacity == SignerCapacity.Deputy
        ? [$"{OnBehalfPrefix} {HeadTitle}", DeputyTitle]
        : [HeadTitle];

    /// <summary>A version built from the province's unit name when an installation has none in force yet.</summary>
    public static SigningAuthority FromProvince(string provinceName)
    {
        var upper = provinceName.ToUpper(new System.Globalization.CultureInfo("vi-VN"));
        var at = provinceName.LastIndexOf("tỉnh ", StringComparison.OrdinalIgnoreCase);
        var place = at >= 0 ? provinceName[(at + "tỉnh ".Length)..].Trim() : provinceName;
        return new SigningAuthority(DateOnly.MinValue, upper, place, $"CHỦ TỊCH {upper}", "CHỦ TỊCH", "PHÓ CHỦ TỊCH",
            "Theo đề nghị của Giám đốc Sở Nội vụ.",
            "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các cơ quan, đơn vị có liên quan và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
            ["Như Điều 3;", "Lưu: VT, SNV."], Guid.Empty, DateTimeOffset.MinValue);
    }
}
