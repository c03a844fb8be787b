using Commendations.Common.Security;

namespace Commendations.Seeding;

/// <summary>
/// Demo accounts for each role (development only; production refuses to start while any exists).
/// Committee memberships are seeded with the committees; units by <see cref="DemoUnits"/> codes.
/// </summary>
public static class DemoAccounts
{
    /// <summary>At least 12 characters and not a common password (the password policy refuses the old "Demo@2026").</summary>
    public const string Password = "Ruong-Lua-Xanh-2026";

    public sealed record Account(string UserName, string DisplayName, string? Title, string UnitCode, string Role);

    public static readonly Account OfficerTanHoa = new("canbo.tanhoa", "Nguyễn Văn An", "Cán bộ thi đua", DemoUnits.TanHoa, Roles.EmulationOfficer);
    public static readonly Account OfficerDongXuyen = new("canbo.dongxuyen", "Lê Thị Bình", "Cán bộ thi đua", DemoUnits.DongXuyen, Roles.EmulationOfficer);
    public static readonly Account OfficerServiceCentre = new("canbo.ttpvhcc", "Đỗ Minh Châu", "Cán bộ thi đua", DemoUnits.ServiceCentre, Roles.EmulationOfficer);
    public static readonly Account SteeringStandingMember = new("bcd.thuongtruc", "Hoàng Văn Dũng", "Ủy viên thường trực", DemoUnits.MassMobilisation, Roles.CommitteeMember);
    public static readonly Account SteeringDeputyHead = new("bcd.photruongban", "Phan Thị Hạnh", "Phó Trưởng ban", DemoUnits.MassMobilisation, Roles.CommitteeMember);
    public static readonly Account SteeringHead = new("bcd.truongban", "Vũ Quang Huy", "Trưởng ban", DemoUnits.MassMobilisation, Roles.CommitteeMember);
    public static readonly Account Appraiser = new("thamdinh", "Trịnh Thu Lan", "Chuyên viên Phòng Thi đua, khen thưởng", DemoUnits.CommendationOffice, Roles.Appraiser);
    /// <summary>An inspector of the provincial inspectorate: the appraiser role, in the unit of the workflows' "inspection" scope.</summary>
    public static readonly Account Inspector = new("thanhtra", "Đinh Văn Kiên", "Thanh tra viên, Thanh tra tỉnh", DemoUnits.Inspectorate, Roles.Appraiser);
    public static readonly Account Leader = new("lanhdao", "Ngô Đức Mạnh", "Chủ tịch UBND tỉnh", DemoUnits.Province, Roles.ProvincialLeader);
    /// <summary>The heads of the demo communes/wards (thủ trưởng đơn vị): they sign their unit's submission letters.</summary>
    public static readonly Account HeadTanHoa = new("thutruong.tanhoa", "Phạm Văn Tùng", "Chủ tịch UBND xã Tân Hòa", DemoUnits.TanHoa, Roles.UnitHead);
    public static readonly Account HeadDongXuyen = new("thutruong.dongxuyen", "Võ Thị Hồng Nhung", "Chủ tịch UBND phường Đông Xuyên", DemoUnits.DongXuyen, Roles.UnitHead);
    /// <summary>The clerk (văn thư) of the provincial People's Committee's office: applies the agency's seal to signed decisions.</summary>
    public static readonly Account Clerk = new("vanthu", "Trần Thị Thu", "Văn thư Văn phòng UBND tỉnh", DemoUnits.Province, Roles.Clerk);
    public static readonly Account Admin = new("quantri", "Quản trị hệ thống", null, DemoUnits.HomeAffairs, Roles.Administrator);

    // Further members of the provincial emulation & commendation council (hdtdkt), so that it has 9 members.
    public static readonly Account CouncilMember4 = new("hd.uyvien4", "Đặng Thị Kim Oanh", "Ủy viên Hội đồng", DemoUnits.HomeAffairs, Roles.CommitteeMember);
    public static readonly Account CouncilMember5 = new("hd.uyvien5", "Bùi Văn Phúc", "Ủy viên Hội đồng", DemoUnits.MassMobilisation, Roles.CommitteeMember);
    public static readonly Account CouncilMember6 = new("hd.uyvien6", "Lương Thị Quyên", "Ủy viên Hội đồng", DemoUnits.Province, Roles.CommitteeMember);
    public static readonly Account CouncilMember7 = new("hd.uyvien7", "Tạ Minh Sơn", "Ủy viên Hội đồng", DemoUnits.HomeAffairs, Roles.CommitteeMember);
    public static readonly Account CouncilMember8 = new("hd.uyvien8", "Cao Thị Thanh Tâm", "Ủy viên Hội đồng", DemoUnits.Province, Roles.CommitteeMember);
    public static readonly Account CouncilMember9 = new("hd.uyvien9", "Mai Xuân Trường", "Ủy viên Hội đồng", DemoUnits.MassMobilisation, Roles.CommitteeMember);

    /// <summary>The council (hdtdkt) in rank order: chair, vice-chair, secretary, then six members.</summary>
    public static readonly IReadOnlyList<Account> CouncilInOrder =
    [
        SteeringHead, SteeringDeputyHead, SteeringStandingMember,
        CouncilMember4, CouncilMember5, CouncilMember6, CouncilMember7, CouncilMember8, CouncilMember9,
    ];

    public static readonly IReadOnlyList<Account> All =
    [
        OfficerTanHoa, OfficerDongXuyen, OfficerServiceCentre,
        SteeringStandingMember, SteeringDeputyHead, SteeringHead,
        Appraiser, Leader, Admin,
        CouncilMember4, CouncilMember5, CouncilMember6, CouncilMember7, CouncilMember8, CouncilMember9,
        Inspector, HeadTanHoa, HeadDongXuyen, Clerk,
    ];
}
