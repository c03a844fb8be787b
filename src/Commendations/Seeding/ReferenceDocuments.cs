using Commendations.Domain.Documents;

namespace Commendations.Seeding;

/// <summary>
/// The laws and decrees award decisions cite, with the period each is cited, as checked (docs/documents.md lists the
/// sources): the Law on Emulation and Commendation 06/2022/QH15 of 15/06/2022, in force 01/01/2024; Decree 98/2023/NĐ-CP of
/// 31/12/2023, cited until 30/06/2025; Decree 152/2025/NĐ-CP of 14/06/2025, in force 01/07/2025; before 2024, the Law of
/// 26/11/2003 as amended on 14/06/2005 and 16/11/2013, and Decree 91/2017/NĐ-CP of 31/07/2017. Seeded once into an empty
/// table; administrators maintain them afterwards.
/// </summary>
public static class ReferenceDocuments
{
    private const string Detailing = "quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng";
    private static readonly DateOnly Law2022InForce = new(2024, 1, 1);

    public static IEnumerable<LegalInstrument> LegalInstruments(DateTimeOffset now) =>
    [
        new(LegalInstrumentKind.Law, "Luật Thi đua, khen thưởng", "15/2003/QH11", new(2003, 11, 26), "Quốc hội", "",
            new(2003, 11, 26), Law2022InForce.AddDays(-1), 10, "Luật Thi đua, khen thưởng ngày 26/11/2003 (thay thế bởi Luật 06/2022/QH15 từ 01/01/2024).", now),
        new(LegalInstrumentKind.Law, "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng", "47/2005/QH11", new(2005, 6, 14), "Quốc hội", "",
            new(2005, 6, 14), Law2022InForce.AddDays(-1), 11, "Ngày ban hành 14/06/2005.", now),
        new(LegalInstrumentKind.Law, "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng", "39/2013/QH13", new(2013, 11, 16), "Quốc hội", "",
            new(2013, 11, 16), Law2022InForce.AddDays(-1), 12, "Ngày ban hành 16/11/2013.", now),
        new(LegalInstrumentKind.Law, "Luật Thi đua, khen thưởng", "06/2022/QH15", new(2022, 6, 15), "Quốc hội", "",
            Law2022InForce, null, 13, "Ngày ban hành 15/06/2022, hiệu lực 01/01/2024.", now),
        new(LegalInstrumentKind.Decree, "Nghị định", "91/2017/NĐ-CP", new(2017, 7, 31), "Chính phủ", Detailing,
            new(2017, 7, 31), Law2022InForce.AddDays(-1), 20, "Ngày ban hành 31/07/2017; thay thế bởi Nghị định 98/2023/NĐ-CP từ 01/01/2024.", now),
        new(LegalInstrumentKind.Decree, "Nghị định", "98/2023/NĐ-CP", new(2023, 12, 31), "Chính phủ", Detailing,
            Law2022InForce, new(2025, 6, 30), 21, "Ngày ban hành 31/12/2023, hiệu lực 01/01/2024; áp dụng đến 30/06/2025.", now),
        new(LegalInstrumentKind.Decree, "Nghị định", "152/2025/NĐ-CP", new(2025, 6, 14), "Chính phủ",
            "quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng",
            new(2025, 7, 1), null, 22, "Ngày ban hành 14/06/2025, hiệu lực 01/07/2025.", now),
    ];
}
