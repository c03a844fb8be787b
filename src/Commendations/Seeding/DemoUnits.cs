using Commendations.Domain.Units;

namespace Commendations.Seeding;

/// <summary>The fictional province of DOMAIN.md's demo data: tỉnh Lam Giang and the units its nominations come from.</summary>
public static class DemoUnits
{
    public const string Province = "LG";
    public const string HomeAffairs = "LG-SNV";
    public const string CommendationOffice = "LG-SNV-TDKT";
    public const string MassMobilisation = "LG-BDV";
    public const string ServiceCentre = "LG-TTPVHCC";
    public const string TanHoa = "LG-XTH";
    public const string DongXuyen = "LG-PDX";
    public const string DongXuyenCulture = "LG-PDX-VHXH";

    /// <summary>The provincial inspectorate: checks dossiers beside the commendation office and runs the discipline check.</summary>
    public const string Inspectorate = "LG-TTT";

    /// <summary>
    /// The demo province's unit scopes: which unit (by code) each scope the shipped definitions name means here. Data
    /// (Resources/demo-scopes.json), like any province's scope map, not code.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Scopes { get; } = LoadScopes();

    private static Dictionary<string, string> LoadScopes()
    {
        using var stream = typeof(DemoUnits).Assembly.GetManifestResourceStream("Commendations.Resources.demo-scopes.json")
                           ?? throw new InvalidOperationException("The demo scope map is missing from the assembly.");
        return System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
               ?? throw new InvalidOperationException("The demo scope map is empty.");
    }

    public static IReadOnlyList<OrganisationUnit> Create()
    {
        var province = new OrganisationUnit(Province, "Ủy ban nhân dân tỉnh Lam Giang", UnitLevel.Province);
        var homeAffairs = new OrganisationUnit(HomeAffairs, "Sở Nội vụ tỉnh Lam Giang", UnitLevel.Department, province);
        var dongXuyen = new OrganisationUnit(DongXuyen, "UBND phường Đông Xuyên", UnitLevel.Commune, province);
        return
        [
            province,
            homeAffairs,
            new OrganisationUnit(CommendationOffice, "Sở Nội vụ tỉnh Lam Giang – Phòng Thi đua, khen thưởng", UnitLevel.Unit, homeAffairs),
            new OrganisationUnit(MassMobilisation, "Ban Dân vận Tỉnh ủy Lam Giang", UnitLevel.Department, province),
            new OrganisationUnit(ServiceCentre, "Trung tâm Phục vụ hành chính công tỉnh", UnitLevel.Department, province),
            new OrganisationUnit(TanHoa, "UBND xã Tân Hòa", UnitLevel.Commune, province),
            dongXuyen,
            new OrganisationUnit(DongXuyenCulture, "Phòng Văn hóa - Xã hội, UBND phường Đông Xuyên", UnitLevel.Unit, dongXuyen),
            new OrganisationUnit(Inspectorate, "Thanh tra tỉnh Lam Giang", UnitLevel.Department, province),
        ];
    }
}
