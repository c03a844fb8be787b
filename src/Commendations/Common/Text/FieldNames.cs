using System.Reflection;
using FluentValidation;

namespace Commendations.Common.Text;

/// <summary>
/// The one table of how people call the fields requests carry, used by every validator: FluentValidation's own
/// sentences ("'{PropertyName}' phải …") name the field in the reader's language instead of the C# property
/// ("'Headcount'"). A field is looked up as <c>Type.Property</c> first (where one name means different things), then as
/// <c>Property</c>. <c>FieldNamesTests</c> fails for a validated property missing here.
/// </summary>
public static class FieldNames
{
    private static readonly Dictionary<string, Message> Table = new(StringComparer.Ordinal)
    {
        // Nominations and their nominees
        ["CampaignId"] = new("Phong trào thi đua"),
        ["SaveCertificateLayout.Layout"] = new("Vị trí in trên phôi"),
        ["AwardFormCode"] = new("Hình thức khen thưởng"),
        ["Kind"] = new("Loại"),
        ["AchievementSummary"] = new("Tóm tắt thành tích"),
        ["Person"] = new("Cá nhân"),
        ["Collective"] = new("Tập thể"),
        ["FullName"] = new("Họ và tên"),
        ["Gender"] = new("Giới tính"),
        ["BirthYear"] = new("Năm sinh"),
        ["PersonInput.Position"] = new("Chức vụ, đơn vị công tác"),
        ["Position"] = new("Chức vụ"),
        ["CollectiveInput.Name"] = new("Tên tập thể"),
        ["Headcount"] = new("Tổng số người"),
        ["Women"] = new("Số nữ"),
        ["AdvancedWorkers"] = new("Số lao động tiên tiến"),
        ["FileName"] = new("Tên tệp"),
        ["AddDocument.Content"] = new("Tệp"),
        ["ImportNomineeList.Content"] = new("Tệp"),
        ["IssuingAuthority"] = new("Cơ quan ban hành"),
        ["Action"] = new("Thao tác"),
        ["Comment"] = new("Ý kiến"),
        ["Outputs"] = new("Kết quả ghi nhận"),
        ["Reason"] = new("Lý do"),
        ["Choice"] = new("Lựa chọn"),
        ["Page"] = new("Trang"),
        ["PageSize"] = new("Số dòng mỗi trang"),
        ["Search"] = new("Từ khóa tìm kiếm"),
        ["Status"] = new("Trạng thái"),
        ["Sort"] = new("Sắp xếp"),
        ["Format"] = new("Định dạng tệp"),

        // Disclosure
        ["Text"] = new("Nội dung ý kiến"),
        ["AuthorName"] = new("Họ tên người gửi"),
        ["Contact"] = new("Thông tin liên hệ"),
        ["FormIssuedAt"] = new("Biểu mẫu"),
        ["Handling"] = new("Kết quả xử lý"),

        // Decisions and the registry
        ["Number"] = new("Số quyết định"),
        ["Date"] = new("Ngày"),
        ["SignerName"] = new("Người ký"),
        ["SignerTitle"] = new("Chức vụ người ký"),
        ["Signature"] = new("Chữ ký số (CMS)"),
        ["Citation"] = new("Nội dung khen thưởng"),
        ["NominationIds"] = new("Các hồ sơ"),
        ["Corrections"] = new("Các dòng đính chính"),
        ["NomineeName"] = new("Tên người hoặc tập thể được khen"),
        ["Series"] = new("Ký hiệu sổ"),
        ["RevokingDecisionNumber"] = new("Số quyết định thu hồi"),
        ["AwardForm"] = new("Hình thức khen thưởng"),
        ["Campaign"] = new("Phong trào thi đua"),
        ["Decision"] = new("Số quyết định"),
        ["Year"] = new("Năm"),

        // Registration of titles and the public look-up
        ["ClosesOn"] = new("Hạn đăng ký"),
        ["Titles"] = new("Danh hiệu, hình thức đăng ký"),
        ["Collectives"] = new("Số tập thể"),
        ["Individuals"] = new("Số cá nhân"),
        ["LookUpAward.RegisterNumber"] = new("Số vào sổ"),
        ["LookUpAward.DecisionNumber"] = new("Số quyết định"),

        // Sessions
        ["CommitteeCode"] = new("Hội đồng / Ban"),
        ["Committee"] = new("Hội đồng / Ban"),
        ["OpenSession.Title"] = new("Tên phiên họp"),
        ["Location"] = new("Địa điểm"),
        ["HeldAt"] = new("Thời gian họp"),
        ["Note"] = new("Ghi chú"),
        ["RecusedFrom"] = new("Các hồ sơ không tham gia biểu quyết"),
        ["Lines"] = new("Các dòng điểm danh"),
        ["MemberUserId"] = new("Thành viên"),
        ["RollCallLine.Status"] = new("Tình trạng tham dự"),
        ["RecordAttendance.Status"] = new("Tình trạng tham dự"),

        // Administration
        ["Code"] = new("Mã"),
        ["Name"] = new("Tên"),
        ["CampaignInput.Name"] = new("Tên phong trào"),
        ["AddCalendarDay.Name"] = new("Tên ngày"),
        ["Type"] = new("Loại phong trào"),
        ["PlanReference"] = new("Số kế hoạch"),
        ["PeriodStart"] = new("Ngày bắt đầu"),
        ["PeriodEnd"] = new("Ngày kết thúc"),
        ["DossierOpen"] = new("Ngày bắt đầu nhận hồ sơ"),
        ["DossierClose"] = new("Hạn nộp hồ sơ"),
        ["Awards"] = new("Hình thức khen thưởng được xét"),
        ["AwardFormId"] = new("Hình thức khen thưởng"),
        ["WorkflowDefinitionId"] = new("Quy trình xét"),
        ["QuotaCollectives"] = new("Chỉ tiêu tập thể"),
        ["QuotaIndividuals"] = new("Chỉ tiêu cá nhân"),
        ["UserName"] = new("Tên đăng nhập"),
        ["DisplayName"] = new("Họ tên"),
        ["Title"] = new("Chức danh"),
        ["Roles"] = new("Vai trò"),
        ["UnitId"] = new("Đơn vị"),
        ["UserId"] = new("Tài khoản"),
        ["Level"] = new("Cấp đơn vị"),
        ["ParentId"] = new("Đơn vị cấp trên"),
        ["NomineeKinds"] = new("Đối tượng được khen"),
        ["RequiredDocuments"] = new("Tài liệu bắt buộc"),
        ["EffectiveFrom"] = new("Ngày áp dụng"),
        ["LegalBasis"] = new("Căn cứ pháp lý"),
        ["Rules"] = new("Các tiêu chuẩn"),

        // Workflow definitions
        ["Content"] = new("Nội dung quy trình"),
        ["DefinitionId"] = new("Mã quy trình"),
        ["CreateDefinition.Name"] = new("Tên quy trình"),
        ["TemplateKey"] = new("Mẫu quy trình"),
        ["ImportedContent"] = new("Tệp quy trình nhập vào"),
        ["ScenarioJson"] = new("Kịch bản chạy thử"),
        ["SaveScenario.Name"] = new("Tên kịch bản"),

        // Documents, notifications, repairs
        ["TaskId"] = new("Việc cần xử lý"),
        ["TaskIds"] = new("Các việc được chọn"),
        ["Meaning"] = new("Thao tác"),
        ["ListMyTasks.Step"] = new("Bước"),
        ["DueFrom"] = new("Hạn xử lý từ ngày"),
        ["DueTo"] = new("Hạn xử lý đến ngày"),
        ["SetFollowUp.On"] = new("Ngày nhắc theo dõi"),
        ["MessageId"] = new("Xử lý tự động"),
        ["NewUserId"] = new("Người nhận việc"),
        ["TargetStep"] = new("Bước chuyển đến"),
        ["RequestId"] = new("Đề nghị sửa chữa"),
        ["SubstituteUserId"] = new("Người thay thế"),
        ["PrincipalUserId"] = new("Người vắng mặt"),
        ["ISubstitutionRequest.From"] = new("Từ ngày"),
        ["ISubstitutionRequest.To"] = new("Đến ngày"),
        ["NominationId"] = new("Hồ sơ đề nghị"),
        ["Language"] = new("Ngôn ngữ"),
        ["Issuer"] = new("Cơ quan ban hành"),
        ["Subject"] = new("Trích yếu"),
        ["IssuedOn"] = new("Ngày ban hành"),
        ["AppliesFrom"] = new("Áp dụng từ ngày"),
        ["AppliesUntil"] = new("Áp dụng đến ngày"),
        ["Order"] = new("Thứ tự"),
        ["Source"] = new("Nguồn"),
        ["IssuerName"] = new("Tên cơ quan ban hành"),
        ["Place"] = new("Địa danh"),
        ["AuthorityLine"] = new("Tên cơ quan ở phần đầu văn bản"),
        ["HeadTitle"] = new("Chức danh người đứng đầu"),
        ["DeputyTitle"] = new("Chức danh cấp phó"),
        ["ProposalLine"] = new("Căn cứ đề nghị"),
        ["ExecutionLine"] = new("Điều khoản thi hành"),
        ["Recipients"] = new("Nơi nhận"),
        ["Capacity"] = new("Tư cách ký"),
        ["CertificateTitle"] = new("Tên giấy chứng nhận"),
    };

    /// <summary>The name of a property as a field, or null when the table does not know it.</summary>
    public static Message? Of(MemberInfo? member) =>
        member is null ? null
        : member.DeclaringType is { } type && Table.TryGetValue($"{type.Name}.{member.Name}", out var qualified) ? qualified
        : Table.GetValueOrDefault(member.Name);

    public static Message? Of(string? typeName, string member) =>
        typeName is not null && Table.TryGetValue($"{typeName}.{member}", out var qualified) ? qualified : Table.GetValueOrDefault(member);

    public static IReadOnlyDictionary<string, Message> All => Table;

    private static int _installed;

    /// <summary>Makes every validator name its fields through this table, in the reader's language at validation time.</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1)
            return;
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) => Of(member)?.Format();
    }
}
