using System.Globalization;

namespace Commendations.Engine;

/// <summary>
/// Compares two versions of a definition. Order is deterministic: top-level fields; removed steps (in the old
/// document's order); added steps (new order); renamed steps (a step whose key alone changed, see
/// <see cref="StepRenames"/>: reported once, and the references that only followed the rename not at all); then, for each step kept, in the new document's order, its property
/// changes (in document order) followed by its transition changes; last the layout-only changes (step order, then
/// positions by key). <c>id</c> and <c>version</c> are not compared: they identify what is being compared.
/// </summary>
public static class DefinitionDiff
{
    public static IReadOnlyList<DefinitionChange> Compare(WorkflowDefinition before, WorkflowDefinition after, bool includeLayout = true)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<DefinitionChange>();
        var renames = StepRenames.Find(before, after);
        before = StepRenames.Apply(before, renames);
        CompareFields(before, after, changes);

        var oldKeys = before.Steps.Select(s => s.Key).ToList(); // renamed steps under their new keys
        var newKeys = after.Steps.Select(s => s.Key).ToList();
        foreach (var step in before.Steps.Where(s => after.FindStep(s.Key) is null))
        {
            changes.Add(new(DefinitionChangeKind.StepRemoved, step.Key, null, TypeName(step), null, "Bỏ bước “{0}” ({1}).", Named.Step(step.Key), Named.StepType(TypeName(step))));
        }
        foreach (var step in after.Steps.Where(s => before.FindStep(s.Key) is null))
        {
            changes.Add(new(DefinitionChangeKind.StepAdded, step.Key, null, null, TypeName(step), "Thêm bước “{0}” ({1}).", Named.Step(step.Key), Named.StepType(TypeName(step))));
        }
        foreach (var (from, to) in renames)
        {
            // Named by its title (the same before and after: only the key changed). The keys are internal codes a reader
            // of the sentence does not know the step by; they stay in the change's Before/After for API clients.
            changes.Add(new(DefinitionChangeKind.StepRenamed, to, "key", from, to, "Bước “{0}”: đổi mã nội bộ của bước, nội dung không đổi.",
                Named.Step(to)));
        }
        foreach (var step in after.Steps)
        {
            if (before.FindStep(step.Key) is { } old) CompareStep(old, step, changes);
        }

        if (includeLayout) CompareLayout(before, after, oldKeys, newKeys, changes);
        return changes;
    }

    private static void CompareFields(WorkflowDefinition before, WorkflowDefinition after, List<DefinitionChange> changes)
    {
        Field("name", Named.Text("Tên quy trình"), before.Name, after.Name, changes);
        Field("description", Named.Text("Mô tả quy trình"), before.Description, after.Description, changes);
        Field("appliesTo.nomineeKinds", Named.Text("Loại đối tượng áp dụng"), List(before.AppliesTo.NomineeKinds), List(after.AppliesTo.NomineeKinds), changes);
        Field("appliesTo.awardForms", Named.Text("Hình thức khen thưởng áp dụng"), List(before.AppliesTo.AwardForms), List(after.AppliesTo.AwardForms), changes);
        Field("start", Named.Text("Bước bắt đầu"), before.Start, after.Start, changes, steps: true);
        Field("onWithdraw", Named.Text("Bước khi rút hồ sơ"), before.OnWithdraw, after.OnWithdraw, changes, steps: true);
    }

    private static void Field(string path, Named name, string? before, string? after, List<DefinitionChange> changes, bool steps = false)
    {
        if (before == after) return;
        object? Value(string? v) => steps && v is not null ? Named.Step(v) : Short(v);
        changes.Add((before, after) switch
        {
            (null, _) => new(DefinitionChangeKind.FieldChanged, null, path, before, after, "{0} của quy trình được đặt là {1}.", name, Value(after)),
            (_, null) => new(DefinitionChangeKind.FieldChanged, null, path, before, after, "{0} của quy trình bị bỏ (trước là {1}).", name, Value(before)),
            _ => new(DefinitionChangeKind.FieldChanged, null, path, before, after, "{0} của quy trình đổi từ {1} thành {2}.", name, Value(before), Value(after)),
        });
    }

    private static void CompareStep(StepDefinition before, StepDefinition after, List<DefinitionChange> changes)
    {
        var key = after.Key;
        var oldLeaves = StepFlattener.Leaves(before).ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
        var newLeaves = StepFlattener.Leaves(after);
        var paths = newLeaves.Select(l => l.Key).Concat(oldLeaves.Keys.Where(k => newLeaves.All(l => l.Key != k)));
        var newByPath = newLeaves.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var from = oldLeaves.GetValueOrDefault(path);
            var to = newByPath.GetValueOrDefault(path);
            if (from == to) continue;
            var property = PropertyName(after, before, path);
            var info = StepTypeCatalogue.PropertyAt(TypeName(after), path) ?? StepTypeCatalogue.PropertyAt(TypeName(before), path);
            changes.Add((from, to) switch
            {
                (null, _) => new(DefinitionChangeKind.StepChanged, key, path, from, to, "Bước “{0}”: {1} được đặt là {2}.", Named.Step(key), property, Value(info, path, to)),
                (_, null) => new(DefinitionChangeKind.StepChanged, key, path, from, to, "Bước “{0}”: {1} bị bỏ (trước là {2}).", Named.Step(key), property, Value(info, path, from)),
                _ => new(DefinitionChangeKind.StepChanged, key, path, from, to, "Bước “{0}”: {1} đổi từ {2} thành {3}.", Named.Step(key), property, Value(info, path, from), Value(info, path, to)),
            });
        }

        var oldOutcomes = StepFlattener.Outcomes(before).ToList();
        var newOutcomes = StepFlattener.Outcomes(after).ToList();
        foreach (var outcome in newOutcomes.Concat(oldOutcomes.Where(o => newOutcomes.All(n => n.Name != o.Name))))
        {
            string? from = oldOutcomes.FirstOrDefault(o => o.Name == outcome.Name).Target;
            string? to = newOutcomes.FirstOrDefault(o => o.Name == outcome.Name).Target;
            if (from == to) continue;
            var named = Named.Outcome(key, outcome.Name);
            var change = (from, to) switch
            {
                (null, _) => new DefinitionChange(DefinitionChangeKind.TransitionChanged, key, outcome.Path, from, to,
                    "Bước “{0}”: kết quả mới “{1}” dẫn đến bước “{2}”.", Named.Step(key), named, Named.Step(to!)),
                (_, null) => new DefinitionChange(DefinitionChangeKind.TransitionChanged, key, outcome.Path, from, to,
                    "Bước “{0}”: bỏ kết quả “{1}” (trước dẫn đến bước “{2}”).", Named.Step(key), named, Named.Step(from)),
                _ => new DefinitionChange(DefinitionChangeKind.TransitionChanged, key, outcome.Path, from, to,
                    "Bước “{0}”: kết quả “{1}” nay dẫn đến bước “{2}” thay vì bước “{3}”.", Named.Step(key), named, Named.Step(to), Named.Step(from)),
            };
            changes.Add(change with { Outcome = outcome.Name });
        }
    }

    private static void CompareLayout(WorkflowDefinition before, WorkflowDefinition after, List<string> oldKeys, List<string> newKeys, List<DefinitionChange> changes)
    {
        // Only the relative order of steps present in both versions counts; insertions are reported as StepAdded.
        var oldOrder = oldKeys.Where(newKeys.Contains).ToList();
        var newOrder = newKeys.Where(oldKeys.Contains).ToList();
        if (!oldOrder.SequenceEqual(newOrder))
        {
            changes.Add(new(DefinitionChangeKind.StepsReordered, null, "steps", string.Join(", ", oldOrder), string.Join(", ", newOrder),
                "Thứ tự các bước trong tệp thay đổi (không ảnh hưởng đến luồng xử lý)."));
        }
        var oldLayout = before.Layout ?? new Dictionary<string, LayoutPosition>();
        var newLayout = after.Layout ?? new Dictionary<string, LayoutPosition>();
        foreach (var key in oldLayout.Keys.Union(newLayout.Keys).Order(StringComparer.Ordinal))
        {
            var from = oldLayout.TryGetValue(key, out var a) ? Position(a) : null;
            var to = newLayout.TryGetValue(key, out var b) ? Position(b) : null;
            if (from == to) continue;
            changes.Add((from, to) switch
            {
                (null, _) => new(DefinitionChangeKind.LayoutChanged, key, "layout", from, to, "Trên sơ đồ, bước “{0}” được đặt ở {1}.", Named.Step(key), to),
                (_, null) => new(DefinitionChangeKind.LayoutChanged, key, "layout", from, to, "Trên sơ đồ, bước “{0}” bỏ vị trí (trước ở {1}).", Named.Step(key), from),
                _ => new(DefinitionChangeKind.LayoutChanged, key, "layout", from, to, "Trên sơ đồ, bước “{0}” chuyển từ {1} đến {2}.", Named.Step(key), from, to),
            });
        }
    }

    /// <summary>
    /// A step property as people know it, by the catalogue's name for the step type that has it (the new type, else the
    /// old one); never its JSON path.
    /// </summary>
    private static Named PropertyName(StepDefinition after, StepDefinition before, string path)
    {
        if (path == "type") return Named.Text("Loại bước");
        // A re-entry deadline is a deadline of its own (a returned dossier back at the unit): named apart from the
        // step's first deadline, with its unit, since the value alone ("5") does not say five what.
        if (path.StartsWith("deadline.onReentry", StringComparison.Ordinal))
            return path[(path.LastIndexOf('.') + 1)..] switch
            {
                "workingDays" => Named.Text("Thời hạn khi vào lại bước (ngày làm việc)"),
                "calendarDays" => Named.Text("Thời hạn khi vào lại bước (ngày theo lịch)"),
                "campaignDate" => Named.Text("Thời hạn khi vào lại bước (mốc của phong trào)"),
                _ => Named.Text("Thời hạn khi vào lại bước"),
            };
        var property = StepTypeCatalogue.PropertyAt(TypeName(after), path) ?? StepTypeCatalogue.PropertyAt(TypeName(before), path);
        return Named.Text(property?.Name ?? "Thuộc tính của bước");
    }

    /// <summary>An enum value by its name for people ("Bắt buộc", not "required"), a role or a scope by its name; any other value as written, kept short.</summary>
    private static object Value(StepPropertyInfo? property, string path, string? value) => property is not null && property.Path == path && value is not null
        ? property.Kind switch
        {
            StepPropertyKind.Enum when property.Values?.FirstOrDefault(v => v.Value == value) is { } named => Named.Text(named.Name),
            StepPropertyKind.Role => Named.Role(value),
            StepPropertyKind.Scope => Named.Scope(value),
            _ => Short(value),
        }
        : Short(value);

    /// <summary>Keeps sentences short: long texts such as descriptions are cut.</summary>
    private static string Short(string? value) => value is { Length: > 60 } ? value[..57] + "…" : value ?? "";

    private static string Position(LayoutPosition p) => string.Create(CultureInfo.InvariantCulture, $"({p.X}, {p.Y})");

    private static string List(IReadOnlyList<string> values) => "[" + string.Join(", ", values) + "]";

    private static string TypeName(StepDefinition step) => StepTypeCatalogue.TypeName(step);
}
