using Commendations.Common.Text;
using Commendations.Domain.Campaigns;
using Commendations.Domain.Catalog;

namespace Commendations.Features.Statistics;

/// <summary>
/// Forms 0602.N/BNV-TĐKT (State-level awards) and 0603.N/BNV-TĐKT (awards of ministries and provinces) of Circular
/// 02/2023/TT-BNV (docs/statistics.md): award forms in the columns (Resources/statistics-forms.json), breakdowns in the
/// rows. A cell counts the registry lines of its column's award forms (and nominee kind) that belong to its row. Rows
/// the system has no data for (enterprises, leaders' levels, business people, the methods other than regular and
/// thematic) are empty, never guessed.
/// </summary>
public static class AwardCountForms
{
    public const string StateCode = "0602.N/BNV-TĐKT";
    public const string ProvincialCode = "0603.N/BNV-TĐKT";

    public static Message StateTitle => new Message("SỐ LƯỢNG KHEN THƯỞNG CẤP NHÀ NƯỚC");
    public static Message ProvincialTitle => new Message("SỐ LƯỢNG KHEN THƯỞNG CẤP BỘ, BAN, NGÀNH, ĐOÀN THỂ TRUNG ƯƠNG VÀ TỈNH, THÀNH PHỐ TRỰC THUỘC TRUNG ƯƠNG");

    /// <summary>A leaf column and which lines it counts.</summary>
    private sealed record Leaf(CountColumn Column, Func<CountedAward, bool> Counts);

    /// <summary>A row of the form: null <see cref="Counts"/> for a row the system has no data for.</summary>
    private sealed record RowRule(string Code, Message Label, Message? Unit, Func<CountedAward, bool>? Counts, bool Heading = false);

    public static CountTable State(IReadOnlyList<AwardForm> catalogue, IReadOnlyList<CountedAward> counted)
    {
        var leaves = new List<Leaf>();
        foreach (var column in StatisticsColumns.StateLevel)
        {
            var forms = catalogue.Where(f => StatisticsColumns.StateColumnOf(f.Code) == column).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
            ILocalised[] heading = [Spread, new Message(column.Name)];
            if (forms.Count == 0)
                leaves.Add(new Leaf(new CountColumn(column.Number, heading), _ => false));
            else if (column.EachForm)
                foreach (var form in forms)
                    leaves.AddRange(ByKind(column.Number, [.. heading, Message.Formatted(form.Name)], [form], counted));
            else
                leaves.AddRange(ByKind(column.Number, heading, forms, counted));
        }
        var fromMinistries = new Message("Bộ, ngành");
        RowRule[] rows =
        [
            new("1", new Message("Tổng số"), null, _ => true),
            new("", new Message("1. Chia theo đơn vị ban hành tờ trình Thủ tướng Chính phủ về khen thưởng"), null, null, Heading: true),
            // The province's own report: every State-level award it counts was proposed on its own submission.
            new("2", new Message("- Bộ, ban, ngành, đoàn thể Trung ương"), fromMinistries, _ => false),
            new("3", new Message("- Tỉnh, thành phố trực thuộc Trung ương"), new Message("Tỉnh, TP"), _ => true),
            new("", new Message("2. Chia theo đối tượng khen thưởng"), null, null, Heading: true),
            .. ByNominee("6", "7", "8", "9", ["10", "11", "12", "13", "14"]),
            new("", new Message("3. Chia theo phương thức khen thưởng"), null, null, Heading: true),
            .. ByMethod(["15", "16", "17", "18", "19", "20", "21"]),
        ];
        return Table(StateCode, StateTitle, leaves, rows, counted.Where(a => StatisticsColumns.StateColumnOf(a.AwardFormCode) is not null).ToList());
    }

    public static CountTable Provincial(IReadOnlyList<CountedAward> counted)
    {
        var leaves = StatisticsColumns.ProvincialLevel
            .Select(c => new Leaf(new CountColumn(c.Number, [Spread, new Message(c.Name)]), a => StatisticsColumns.ProvincialColumnOf(a.AwardFormCode) == c))
            .ToList();
        RowRule[] rows =
        [
            new("01", new Message("Tổng số"), null, _ => true),
            new("", new Message("1. Chia theo đối tượng khen thưởng"), null, null, Heading: true),
            .. ByNominee("02", "03", "04", "05", ["06", "07", "08", "09", "10"]),
            new("", new Message("2. Chia theo phương thức khen thưởng"), null, null, Heading: true),
            .. ByMethod(["11", "12", "13", "14", "15", "16", "17"]),
        ];
        return Table(ProvincialCode, ProvincialTitle, leaves, rows, counted.Where(a => StatisticsColumns.ProvincialColumnOf(a.AwardFormCode) is not null).ToList());
    }

    private static Message Spread => new Message("Chia ra");

    /// <summary>One column per nominee kind the forms of the column award (and any kind the registry holds for them).</summary>
    private static IEnumerable<Leaf> ByKind(string number, ILocalised[] heading, IReadOnlyList<AwardForm> forms, IReadOnlyList<CountedAward> counted)
    {
        var ids = forms.Select(f => f.Id).ToHashSet();
        var kinds = forms.SelectMany(f => f.NomineeKinds).Concat(counted.Where(a => ids.Contains(a.AwardFormId)).Select(a => a.Kind))
            .Distinct().Order().ToList();
        return kinds.Select(kind => new Leaf(new CountColumn(number, [.. heading, KindName(kind)], kind), a => ids.Contains(a.AwardFormId) && a.Kind == kind));
    }

    public static Message KindName(NomineeKind kind) => kind switch
    {
        NomineeKind.Collective => new Message("Tập thể"),
        NomineeKind.Household => new Message("Hộ gia đình"),
        _ => new Message("Cá nhân"),
    };

    private static IEnumerable<RowRule> ByNominee(string collectives, string enterprises, string households, string individuals, string[] ofIndividuals)
    {
        var person = new Message("Người");
        yield return new(collectives, new Message("- Tập thể"), new Message("Tập thể"), a => a.Kind == NomineeKind.Collective);
        yield return new(enterprises, new Message("Trong đó: Doanh nghiệp"), new Message("Doanh nghiệp"), null);
        yield return new(households, new Message("- Hộ gia đình"), new Message("Hộ"), a => a.Kind == NomineeKind.Household);
        yield return new(individuals, new Message("- Cá nhân"), person, a => a.Kind == NomineeKind.Individual);
        Message[] groups =
        [
            new Message("+ Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên"), new Message("+ Lãnh đạo cấp vụ, sở, ngành và tương đương"), new Message("+ Doanh nhân"),
            new Message("+ Các cấp lãnh đạo khác từ phó phòng trở lên"),
            new Message("+ Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu (công nhân, nông dân, ...)"),
        ];
        for (var i = 0; i < groups.Length; i++)
            yield return new(ofIndividuals[i], groups[i], person, null);
    }

    /// <summary>Regular and thematic come from the campaign of the award; the other methods are not recorded by the system.</summary>
    private static IEnumerable<RowRule> ByMethod(string[] codes)
    {
        yield return new(codes[0], new Message("- Thường xuyên"), null, a => a.Method == CampaignType.Regular);
        yield return new(codes[1], new Message("- Chuyên đề"), null, a => a.Method == CampaignType.Thematic);
        Message[] others = [new Message("- Đột xuất"), new Message("- Đối ngoại"), new Message("- Cống hiến"), new Message("- Niên hạn"), new Message("- Kháng chiến")];
        for (var i = 0; i < others.Length; i++)
            yield return new(codes[i + 2], others[i], null, null);
    }

    private static CountTable Table(string code, Message title, IReadOnlyList<Leaf> leaves, IReadOnlyList<RowRule> rules, IReadOnlyList<CountedAward> inForm)
    {
        var columns = new List<CountColumn> { new("1", [new Message("Tổng số")]) };
        columns.AddRange(leaves.Select(l => l.Column));
        var rows = rules.Select(rule =>
        {
            if (rule.Heading)
                return new CountRow(rule.Code, rule.Label, rule.Unit, null);
            if (rule.Counts is null)
                return new CountRow(rule.Code, rule.Label, rule.Unit, Enumerable.Repeat<int?>(null, columns.Count).ToList());
            var lines = inForm.Where(rule.Counts).ToList();
            var cells = leaves.Select(l => (int?)lines.Count(l.Counts)).ToList();
            return new CountRow(rule.Code, rule.Label, rule.Unit, [cells.Sum(), .. cells]);
        }).ToList();
        return new CountTable(code, title, null, columns, rows);
    }
}
