using System.Globalization;
using Commendations.Domain.Catalog;
using Commendations.Domain.Documents;
using Commendations.Domain.Nominees;

namespace Commendations.Features.Documents.SubmissionLetters;

/// <summary>
/// What a unit's submission letter (tờ trình) and its nominee list (danh sách trích ngang) print, drafted from the unit's
/// dossiers in one campaign: the issuing unit under its parent, the addressee, the campaign as the basis, the proposal by
/// award form and count, the list, and the unit head's signature block. The PDF and the .docx draft print the same words.
/// </summary>
public sealed record SubmissionLetterContent(
    string ParentBody, string UnitName, string Place, DateOnly Today, bool Dated, string Addressee, string CampaignName, string? PlanReference,
    IReadOnlyList<ProposedAward> Proposals, IReadOnlyList<ListedNominee> Nominees, string SignerTitle, string? SignerName)
{
    private static readonly CultureInfo Vietnamese = new("vi-VN");

    /// <summary>The number is given by the unit's clerk when the letter is registered: dots to fill.</summary>
    public const string Number = "Số: ……/TTr";

    /// <summary>A draft leaves the day and month to fill; a signed letter carries its signing date.</summary>
    public string PlaceAndDate => Dated
        ? VietnameseDates.PlaceAndDate(Place, Today)
        : $"{Place}, ngày …… tháng …… năm {Today.Year.ToString(CultureInfo.InvariantCulture)}";

    public string ParentHeading => ParentBody.ToUpper(Vietnamese);
    public string UnitHeading => UnitName.ToUpper(Vietnamese);
    public string SignerHeading => SignerTitle.ToUpper(Vietnamese);

    /// <summary>"Về việc đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh và Chiến sĩ thi đua cấp tỉnh".</summary>
    public string Subject => "Về việc đề nghị tặng " + Joined(Proposals.Select(p => p.AwardFormName).ToList());

    public IReadOnlyList<string> Basis =>
    [
        $"Căn cứ phong trào thi đua “{CampaignName}”{(string.IsNullOrWhiteSpace(PlanReference) ? "" : $" ({PlanReference})")};",
        $"Căn cứ kết quả bình xét thi đua, khen thưởng và hồ sơ đề nghị của {UnitName},",
    ];

    public string ProposalIntro => $"{UnitName} kính đề nghị {Addressee} xem xét, trình cấp có thẩm quyền tặng:";

    /// <summary>"- Bằng khen của Chủ tịch UBND tỉnh cho 01 tập thể và 02 cá nhân;" (the last ends with a full stop).</summary>
    public IReadOnlyList<string> ProposalLines => Proposals.Select((p, i) =>
        $"- {p.AwardFormName} cho {p.Counts}{(i == Proposals.Count - 1 ? "." : ";")}").ToList();

    public string ListNote => "(Có danh sách trích ngang kèm theo)";

    public string Closing => $"{UnitName} kính trình {Addressee} xem xét, quyết định./.";

    public IReadOnlyList<string> Recipients => ["Như trên;", "Lưu: VT."];

    public string ListTitle => "DANH SÁCH TRÍCH NGANG";
    public string ListSubject => "ĐỀ NGHỊ TẶNG " + Joined(Proposals.Select(p => p.AwardFormName).ToList()).ToUpper(Vietnamese);
    public string ListAttachment => $"(Kèm theo Tờ trình số ……/TTr ngày …… của {UnitName})";

    public static readonly IReadOnlyList<string> ListHeaders =
        ["STT", "Họ và tên / Tên tập thể", "Giới tính", "Năm sinh", "Chức vụ, đơn vị / Số người", "Hình thức đề nghị", "Tóm tắt thành tích"];

    /// <summary>One row of the list per nominee, in the order of <see cref="ListHeaders"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> ListRows => Nominees.Select((n, i) => (IReadOnlyList<string>)
    [
        (i + 1).ToString(CultureInfo.InvariantCulture), n.Name, n.Sex, n.BirthYear, n.PositionOrSize, n.AwardFormName, n.Summary,
    ]).ToList();

    private static string Joined(IReadOnlyList<string> names) => names.Count <= 1
        ? names.FirstOrDefault() ?? ""
        : string.Join(", ", names.Take(names.Count - 1)) + " và " + names[^1];
}

/// <summary>One award form proposed and for whom: "01 tập thể và 02 cá nhân".</summary>
public sealed record ProposedAward(string AwardFormName, string Counts);

/// <summary>A line of the nominee list: a person's sex and birth year and position, or a collective's headcount.</summary>
public sealed record ListedNominee(NomineeKind Kind, string Name, string Sex, string BirthYear, string PositionOrSize, string AwardFormName, string Summary)
{
    public static ListedNominee Of(NomineeKind kind, string name, Person? person, Collective? collective, string unitName, string awardFormName, string summary) =>
        kind == NomineeKind.Individual && person is not null
            ? new(kind, name, person.Gender == Gender.Female ? "Nữ" : "Nam", person.BirthYear.ToString(CultureInfo.InvariantCulture),
                string.IsNullOrWhiteSpace(person.Position) ? unitName : $"{person.Position}, {unitName}", awardFormName, summary)
            : new(kind, name, "", "", collective is null ? unitName : $"{DecisionWording.Count(collective.Headcount)} người", awardFormName, summary);
}
