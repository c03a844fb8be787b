using Commendations.Common.Security;

namespace Commendations.Seeding;

/// <summary>
/// Demo accounts for each role (development only; production refuses to start while any exists).
/// Committee memberships are seeded with the committees; units by <see cref="DemoUnits"/> codes.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "Demo@2026";

    public sealed record Account(string UserName, string DisplayName, string? Title, string UnitCode, string Role);

    public static readonly Account OfficerTanHoa = new("canbo.tanhoa", "Nguyễn Văn An", "Cán bộ thi đua", DemoUnits.TanHoa, Roles.EmulationOfficer);
    public static readonly Account OfficerDongXuyen = new("canbo.dongxuyen", "Lê Thị Bình", "Cán bộ thi đua", DemoUnits.DongXuyen, Roles.EmulationOfficer);
    public static readonly Account OfficerServiceCentre = new("canbo.ttpvhcc", "Đỗ Minh Châu", "Cán bộ thi đua", DemoUnits.ServiceCentre, Roles.EmulationOfficer);
    public static readonly Account SteeringStandingMember = new("bcd.thuongtruc", "Hoàng Văn Dũng", "Ủy viên thường trực", DemoUnits.MassMobilisation, Roles.CommitteeMember);
    public static readonly Account SteeringDeputyHead = new("bcd.photruongban", "Phan Thị Hạnh", "Phó Trưởng ban", DemoUnits.MassMobilisation, Roles.CommitteeMember);
    public static readonly Account SteeringHead = new("bcd.truongban", "Vũ Quang Huy", "Trưởng ban", DemoUnits.MassMobilisation, Roles.CommitteeMember);
    public static readonly Account Appraiser = new("thamdinh", "Trịnh Thu Lan", "Chuyên viên Phòng Thi đua, khen thưởng", DemoUnits.CommendationOffice, Roles.Appraiser);
    public static readonly Account Leader = new("lanhdao", "Ngô Đức Mạnh", "Chủ tịch UBND tỉnh", DemoUnits.Province, Roles.ProvincialLeader);
    public static readonly Account Admin = new("quantri", "Quản trị hệ thống", null, DemoUnits.HomeAffairs, Roles.Administrator);

    public static readonly IReadOnlyList<Account> All =
    [
        OfficerTanHoa, OfficerDongXuyen, OfficerServiceCentre,
        SteeringStandingMember, SteeringDeputyHead, SteeringHead,
        Appraiser, Leader, Admin,
    ];
}
