using System.Reflection;
using System.Text.Json.Serialization;

namespace Commendations.Engine;

/// <summary>What kind of value a step property holds, so an editor knows which control to offer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StepPropertyKind>))]
public enum StepPropertyKind
{
    /// <summary>Free text in code form (a definition id, an action name).</summary>
    [JsonStringEnumMemberName("text")] Text,

    /// <summary>A display text: Vietnamese, optionally with English (<see cref="LocalizedText"/>).</summary>
    [JsonStringEnumMemberName("localizedText")] LocalizedText,

    /// <summary>A number, within <see cref="StepPropertyInfo.Min"/> and <see cref="StepPropertyInfo.Max"/> when given.</summary>
    [JsonStringEnumMemberName("number")] Number,

    /// <summary>Working days, calendar days or (for deadlines) a campaign date (<see cref="Deadline"/>, <see cref="WaitDuration"/>).</summary>
    [JsonStringEnumMemberName("duration")] Duration,

    [JsonStringEnumMemberName("boolean")] Boolean,

    /// <summary>The key of another step of the same definition.</summary>
    [JsonStringEnumMemberName("stepTarget")] StepTarget,

    /// <summary>One of <see cref="StepPropertyInfo.Values"/>.</summary>
    [JsonStringEnumMemberName("enum")] Enum,

    /// <summary>A committee's code.</summary>
    [JsonStringEnumMemberName("committee")] Committee,

    /// <summary>A role's code.</summary>
    [JsonStringEnumMemberName("role")] Role,

    /// <summary>A unit scope (<c>nominating</c> or a configured one).</summary>
    [JsonStringEnumMemberName("scope")] Scope,

    /// <summary>A user (the definition format names none today: people are chosen by role and scope).</summary>
    [JsonStringEnumMemberName("user")] User,

    /// <summary>An award form's code.</summary>
    [JsonStringEnumMemberName("awardForm")] AwardForm,

    /// <summary>What the step is for (<see cref="StepMeaning"/>), among <see cref="StepTypeInfo.Meanings"/>.</summary>
    [JsonStringEnumMemberName("meaning")] Meaning,

    /// <summary>Another workflow definition's id (a sub-route).</summary>
    [JsonStringEnumMemberName("definition")] Definition,

    /// <summary>A structured list with its own editor: a task's actions, a branch's conditions, a parallel step's branches.</summary>
    [JsonStringEnumMemberName("list")] List,
}

/// <summary>A value an enum property may take, with its name for people (a Vietnamese template).</summary>
public sealed record StepEnumValue(string Value, string Name);

/// <summary>
/// A property of a step type: its JSON path relative to the step (<c>committee</c>, <c>assignee.role</c>), its name for
/// people (a Vietnamese template the application translates), its kind, whether the parser requires it, the values an
/// enum takes and the range the validator enforces. <see cref="Default"/>: the number a new step starts with.
/// <see cref="OnlyForMeaning"/>: the property is declared only by a step of that meaning (a decision step's signing).
/// </summary>
public sealed record StepPropertyInfo(
    string Path,
    string Name,
    StepPropertyKind Kind,
    bool Required,
    IReadOnlyList<StepEnumValue>? Values = null,
    decimal? Min = null,
    decimal? Max = null,
    bool MinExclusive = false,
    decimal? Default = null,
    StepMeaning? OnlyForMeaning = null);

/// <summary>An outcome a step routes under <c>transitions</c>, its name for people and whether it must be wired.</summary>
public sealed record StepOutcomeInfo(string Name, string DisplayName, bool Required);

/// <summary>
/// A step type as editors and validators see it. <see cref="AnyOutcome"/>: at least one outcome must be wired, whichever
/// (a sub-route).
/// </summary>
public sealed record StepTypeInfo(
    string Key,
    string Name,
    string Description,
    bool Human,
    IReadOnlyList<StepPropertyInfo> Properties,
    IReadOnlyList<StepOutcomeInfo> Outcomes,
    IReadOnlyList<StepMeaning> Meanings,
    bool AnyOutcome = false)
{
    /// <summary>The properties, with <c>meaning</c> after the key when the type may carry one.</summary>
    public IReadOnlyList<StepPropertyInfo> Properties { get; } = Meanings.Count == 0
        ? Properties
        : [Properties[0], new("meaning", "Ý nghĩa của bước", StepPropertyKind.Meaning, false), .. Properties.Skip(1)];
}

/// <summary>
/// The one description of the step types: their properties, outcomes and the meanings each may carry. The validator
/// reads the meanings from here, enum values are read from the enums the parser converts, and the designer builds its
/// side panel from it (through the API), so the rules are not written a second time in the browser.
/// </summary>
public static class StepTypeCatalogue
{
    private static readonly StepPropertyInfo[] Common =
    [
        new("key", "Mã bước", StepPropertyKind.Text, true),
        new("title", "Tên bước", StepPropertyKind.LocalizedText, false),
        new("description", "Mô tả bước", StepPropertyKind.LocalizedText, false),
    ];

    private static readonly StepPropertyInfo[] HumanPolicy =
    [
        new("deadline", "Thời hạn", StepPropertyKind.Duration, true),
        new("reminders", "Nhắc việc", StepPropertyKind.List, false),
        new("escalation", "Xử lý quá hạn", StepPropertyKind.List, false),
    ];

    private static readonly StepMeaning[] PeoplesWork = [StepMeaning.Review, StepMeaning.Appraisal, StepMeaning.Check, StepMeaning.Vote];

    private static readonly StepOutcomeInfo[] ApprovalOutcomes =
    [
        new("approved", "Khi đồng ý", true),
        new("returned", "Khi trả lại", false),
        new("rejected", "Khi không đồng ý", false),
    ];

    private static StepPropertyInfo Committee() => new("committee", "Hội đồng / Ban", StepPropertyKind.Committee, true);

    private static StepPropertyInfo Share(string path, string name, decimal initial) =>
        new(path, name, StepPropertyKind.Number, true, Min: 0, Max: 1, MinExclusive: true, Default: initial);

    public static IReadOnlyList<StepTypeInfo> All { get; } =
    [
        new("task", "Công việc", "Một người theo vai trò trong phạm vi đơn vị chọn một trong các thao tác.", true,
            [.. Common,
             new("assignee.role", "Vai trò người xử lý", StepPropertyKind.Role, true),
             new("assignee.scope", "Phạm vi đơn vị", StepPropertyKind.Scope, true),
             new("actions", "Thao tác", StepPropertyKind.List, true),
             new("signing.leader", "Chữ ký số của lãnh đạo trước khi quyết định có hiệu lực", StepPropertyKind.Enum, false, ValuesOf<SignatureNeed>(),
                 OnlyForMeaning: StepMeaning.Decision),
             new("signing.seal.role", "Vai trò người đóng dấu (văn thư)", StepPropertyKind.Role, false, OnlyForMeaning: StepMeaning.Decision),
             new("signing.seal.scope", "Phạm vi đơn vị của người đóng dấu", StepPropertyKind.Scope, false, OnlyForMeaning: StepMeaning.Decision),
             .. HumanPolicy],
            [],
            [StepMeaning.Proposal, StepMeaning.Review, StepMeaning.Appraisal, StepMeaning.Check, StepMeaning.Vote, StepMeaning.Decision, StepMeaning.Forwarding]),
        new("sequentialApproval", "Duyệt lần lượt", "Các thành viên Hội đồng / Ban lần lượt cho ý kiến theo thứ tự.", true,
            [.. Common, Committee(), .. HumanPolicy], ApprovalOutcomes, PeoplesWork),
        new("parallelApproval", "Duyệt song song", "Mọi thành viên cùng cho ý kiến; đủ số phiếu đồng ý cần có thì thông qua.", true,
            [.. Common, Committee(),
             new("required", "Số phiếu đồng ý cần có", StepPropertyKind.Number, true, Min: 1, Default: 1),
             new("onRejection", "Khi có ý kiến không đồng ý", StepPropertyKind.Enum, false, ValuesOf<OnRejection>()),
             .. HumanPolicy],
            ApprovalOutcomes, PeoplesWork),
        new("vote", "Bỏ phiếu", "Hội đồng biểu quyết; đủ tỷ lệ tham dự và tỷ lệ tán thành thì thông qua.", true,
            [.. Common, Committee(),
             Share("quorum", "Tỷ lệ tối thiểu tham dự", 0.8m),
             Share("passThreshold", "Tỷ lệ tán thành để thông qua", 0.5m),
             new("recusal", "Không tham gia biểu quyết", StepPropertyKind.Enum, false, ValuesOf<RecusalRule>()),
             new("secret", "Biểu quyết bằng phiếu kín", StepPropertyKind.Boolean, false),
             .. HumanPolicy],
            [new("passed", "Khi thông qua", true), new("failed", "Khi không thông qua", true), new("noQuorum", "Khi không đủ tỷ lệ tham dự", false)],
            PeoplesWork),
        new("wait", "Thời gian chờ", "Chờ một số ngày (ví dụ công khai lấy ý kiến) rồi chuyển tiếp.", false,
            [.. Common,
             new("duration", "Thời gian chờ", StepPropertyKind.Duration, true),
             new("next", "Bước tiếp theo", StepPropertyKind.StepTarget, true)],
            [], [StepMeaning.Disclosure]),
        new("branch", "Rẽ nhánh", "Chọn bước tiếp theo theo thông tin của hồ sơ: điều kiện đầu tiên đúng được chọn.", false,
            [.. Common,
             new("conditions", "Điều kiện", StepPropertyKind.List, true),
             new("default", "Bước mặc định", StepPropertyKind.StepTarget, true)],
            [], []),
        new("end", "Kết thúc", "Kết thúc quy trình với một kết quả.", false,
            [.. Common, new("result", "Kết quả", StepPropertyKind.Enum, true, ValuesOf<EndResult>())],
            [], []),
        new("parallel", "Song song nhiều nhánh", "Nhiều đơn vị hoặc Hội đồng / Ban xử lý đồng thời, mỗi nhánh cho ý kiến riêng.", false,
            [.. Common,
             new("branches", "Các nhánh xử lý đồng thời", StepPropertyKind.List, true),
             new("onRejection", "Khi có ý kiến không đồng ý", StepPropertyKind.Enum, false, ValuesOf<BranchRejection>())],
            ApprovalOutcomes, PeoplesWork),
        new("subRoute", "Gọi quy trình con", "Chạy một quy trình khác rồi chuyển tiếp theo kết quả của nó.", false,
            [.. Common,
             new("definition", "Quy trình được gọi", StepPropertyKind.Definition, true),
             new("version", "Phiên bản cố định", StepPropertyKind.Number, false, Min: 1)],
            [new("awarded", "Khi quy trình con đạt", false), new("rejected", "Khi quy trình con không đạt", false), new("withdrawn", "Khi quy trình con bị rút", false)],
            PeoplesWork, AnyOutcome: true),
    ];

    /// <summary>The step type with JSON name <paramref name="key"/>, or null.</summary>
    public static StepTypeInfo? Find(string? key) => All.FirstOrDefault(t => t.Key == key);

    /// <summary>The catalogue entry of a parsed step.</summary>
    public static StepTypeInfo Of(StepDefinition step) => Find(TypeName(step))!;

    /// <summary>True when a step of its type may say it means <paramref name="meaning"/>.</summary>
    public static bool Allows(StepDefinition step, StepMeaning meaning) => Of(step).Meanings.Contains(meaning);

    /// <summary>
    /// The name for people of a step property given by its JSON path (<c>deadline.workingDays</c>,
    /// <c>actions[0].label</c>): the catalogue's name of the longest listed prefix, or null when none is listed.
    /// </summary>
    public static StepPropertyInfo? PropertyAt(string? type, string path)
    {
        var info = Find(type);
        if (info is null) return null;
        return info.Properties
            .Where(p => path == p.Path || path.StartsWith(p.Path + ".", StringComparison.Ordinal) || path.StartsWith(p.Path + "[", StringComparison.Ordinal))
            .MaxBy(p => p.Path.Length);
    }

    /// <summary>The JSON <c>type</c> of a step, as the parser's polymorphism attributes declare it.</summary>
    public static string TypeName(StepDefinition step) => Discriminators[step.GetType()];

    private static readonly Dictionary<Type, string> Discriminators = typeof(StepDefinition)
        .GetCustomAttributes<JsonDerivedTypeAttribute>()
        .ToDictionary(a => a.DerivedType, a => (string)a.TypeDiscriminator!);

    /// <summary>
    /// True when <paramref name="value"/> lies within the range the catalogue lists for the property (the validator
    /// enforces it from here, so an editor offering the range and the validator refusing outside it cannot drift).
    /// </summary>
    public static bool InRange(StepDefinition step, string path, decimal value)
    {
        var property = Of(step).Properties.First(p => p.Path == path);
        if (property.Min is { } min && (property.MinExclusive ? value <= min : value < min)) return false;
        return property.Max is not { } max || value <= max;
    }

    /// <summary>What a task action may mean (<see cref="ActionMeaning"/>), as the parser reads it, with its name for people.</summary>
    public static IReadOnlyList<StepEnumValue> ActionMeanings { get; } = ValuesOf<ActionMeaning>();

    /// <summary>The meaning's JSON value (<c>proposal</c>…), as the parser reads it.</summary>
    public static string MeaningValue(StepMeaning meaning) => JsonValue(meaning);

    /// <summary>The values of an enum as the parser reads them (their JSON names), each with its name for people.</summary>
    private static StepEnumValue[] ValuesOf<T>() where T : struct, System.Enum =>
        [.. System.Enum.GetValues<T>().Select(v => new StepEnumValue(JsonValue(v), EnumNames.Name(JsonValue(v))))];

    private static string JsonValue<T>(T value) where T : struct, System.Enum
    {
        var field = typeof(T).GetField(value.ToString())!;
        return field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? value.ToString();
    }

    /// <summary>The name for people of a meaning (a Vietnamese template), for editors.</summary>
    public static string MeaningDisplayName(StepMeaning meaning) => EnumNames.Name(MeaningValue(meaning));
}

/// <summary>Names for people of the enum values of the definition format (Vietnamese templates).</summary>
internal static class EnumNames
{
    public static string Name(string value) => value switch
    {
        "rejectImmediately" => "Dừng ngay, kết quả không đồng ý",
        "countAgainst" => "Tính là phiếu không đồng ý",
        "waitForAll" => "Chờ mọi nhánh cho ý kiến",
        "countsAsAbsent" => "Tính như vắng mặt",
        "reducesMembership" => "Không tính vào tổng số thành viên",
        "Awarded" => "Được khen thưởng",
        "Rejected" => "Không được khen thưởng",
        "Withdrawn" => "Rút hồ sơ",
        "proposal" => "Đơn vị lập và trình hồ sơ",
        "review" => "Xem xét",
        "disclosure" => "Công khai, lấy ý kiến",
        "appraisal" => "Thẩm định",
        "check" => "Kiểm tra",
        "vote" => "Bỏ phiếu",
        "decision" => "Quyết định khen thưởng",
        "forwarding" => "Chuyển hồ sơ lên cấp trên",
        "submit" => "Trình hồ sơ",
        "approve" => "Đồng ý, chuyển tiếp",
        "returnForSupplement" => "Trả lại để bổ sung",
        "reject" => "Không đồng ý",
        "award" => "Ký quyết định khen thưởng",
        "required" => "Bắt buộc",
        "optional" => "Không bắt buộc",
        "none" => "Không dùng chữ ký số",
        _ => value,
    };
}
