using System.Globalization;
using Commendations.Common.Text;
using Commendations.Domain.Workflows;
using Commendations.Engine;
using Commendations.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Workflow;

/// <summary>
/// The one service through which use cases, pages, exports and notifications ask what a step or action of a
/// definition means (proposal, disclosure, decision; submit, award, return, reject) and how people call it. Nothing
/// else in the application names a step key or an action name: a definition may call its steps anything.
/// Names come from the definition's titles and labels in the reader's language; without one, a generic name by
/// meaning or step type — never the key.
/// </summary>
public sealed class DefinitionSemantics(CommendationsDbContext db, DefinitionCache definitions)
{
    // ---- definitions ----

    public Task<WorkflowDefinition> OfAsync(string definitionId, int version, CancellationToken cancellationToken) =>
        definitions.GetAsync(definitionId, version, cancellationToken);

    public Task<WorkflowDefinition> OfAsync(WorkflowInstance instance, CancellationToken cancellationToken) =>
        definitions.GetAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken);

    /// <summary>Every version named, read once each (instances of a page share a handful of versions).</summary>
    public async Task<DefinitionSet> SetAsync(IEnumerable<(string Id, int Version)> versions, CancellationToken cancellationToken)
    {
        var set = new Dictionary<(string, int), WorkflowDefinition>();
        var callees = new Dictionary<(string, int), CalleeDefinitions>();
        foreach (var version in versions.Distinct())
        {
            var definition = set[version] = await definitions.GetAsync(version.Id, version.Version, cancellationToken);
            // Tasks inside a sub-route are named by the called route's steps (nothing is read for a route without calls).
            callees[version] = await definitions.CalleesAsync(definition, null, cancellationToken);
        }
        return new DefinitionSet(set, callees);
    }

    /// <summary>
    /// Every stored (published or retired) version of these definitions, newest first: names for step keys that come
    /// without their version (campaign progress counts), taken from the newest version that has the key.
    /// </summary>
    public async Task<Func<string?, string>> StepNamesOfAsync(IReadOnlyCollection<string> definitionIds, CultureInfo? culture, CancellationToken cancellationToken)
    {
        var versions = await db.WorkflowDefinitions.AsNoTracking()
            .Where(d => definitionIds.Contains(d.DefinitionId) && d.Status != DefinitionStatus.Draft)
            .OrderByDescending(d => d.Version).Select(d => new { d.DefinitionId, d.Version }).ToListAsync(cancellationToken);
        var loaded = new List<WorkflowDefinition>();
        foreach (var v in versions)
            loaded.Add(await definitions.GetAsync(v.DefinitionId, v.Version, cancellationToken));
        return key => StepName(loaded.FirstOrDefault(d => key is not null && d.FindStep(key) is not null), key, culture);
    }

    /// <summary>
    /// The name of a nomination's step (<paramref name="stepKey"/>: where it is now, as the caller holds it — changes of the
    /// current command are not saved yet), in the reader's language.
    /// </summary>
    public async Task<string> StepNameOfAsync(Guid nominationId, string? stepKey, CancellationToken cancellationToken)
    {
        var version = await db.WorkflowInstances.AsNoTracking().Where(i => i.NominationId == nominationId)
            .Select(i => new { i.DefinitionId, i.DefinitionVersion }).SingleOrDefaultAsync(cancellationToken);
        return version is null || stepKey is null
            ? StepName(null, stepKey)
            : StepName(await definitions.GetAsync(version.DefinitionId, version.DefinitionVersion, cancellationToken), stepKey);
    }

    // ---- meanings ----

    public static bool IsProposal(WorkflowDefinition definition, string? stepKey) => definition.Means(stepKey, StepMeaning.Proposal);

    public static bool IsDisclosure(WorkflowDefinition definition, string? stepKey) => definition.Means(stepKey, StepMeaning.Disclosure);

    public static bool IsDecision(WorkflowDefinition definition, string? stepKey) => definition.Means(stepKey, StepMeaning.Decision);

    /// <summary>The proposal's submit action when <paramref name="stepKey"/> is the proposal, else null.</summary>
    public static string? SubmitActionAt(WorkflowDefinition definition, string? stepKey) =>
        IsProposal(definition, stepKey) ? definition.SubmitAction()?.Name : null;

    /// <summary>The decision's award action when <paramref name="stepKey"/> is a decision step, else null.</summary>
    public static string? AwardActionAt(WorkflowDefinition definition, string? stepKey) => definition.AwardActionAt(stepKey)?.Name;

    public static ActionMeaning? MeaningOf(WorkflowDefinition definition, string? stepKey, string action) =>
        DefinitionMeanings.MeaningOf(stepKey is null ? null : StepPaths.Resolve(definition, stepKey), action);

    /// <summary>A return for supplement or a rejection needs a written reason, whatever the action is called.</summary>
    public static bool NeedsReason(WorkflowDefinition definition, string? stepKey, string action) =>
        DefinitionMeanings.NeedsReason(MeaningOf(definition, stepKey, action));

    /// <summary>The keys of steps with <paramref name="meaning"/> in any of these definitions (to narrow a query before checking each).</summary>
    public static IReadOnlyList<string> KeysMeaning(IEnumerable<WorkflowDefinition> all, StepMeaning meaning) =>
        all.SelectMany(d => d.StepsMeaning(meaning)).Select(s => s.Key).Distinct().ToList();

    // ---- task lists ----

    /// <summary>A ballot step: a vote is personal, so it is never cast in bulk.</summary>
    public static bool IsVote(WorkflowDefinition definition, string? stepKey) =>
        stepKey is not null && StepPaths.Resolve(definition, stepKey) is VoteStep;

    /// <summary>
    /// The action at <paramref name="stepKey"/> that means <paramref name="meaning"/> — an approval step's built-in one or a
    /// task's one action so declared — or null when the step has none (a bulk action is chosen by meaning, never by name).
    /// </summary>
    public static string? ActionMeaningAt(WorkflowDefinition definition, string? stepKey, ActionMeaning meaning) =>
        (stepKey is null ? null : StepPaths.Resolve(definition, stepKey)) switch
        {
            TaskStep task => task.ActionWith(meaning)?.Name,
            HumanStep approval when approval is SequentialApprovalStep or ParallelApprovalStep =>
                approval.EscalationActions().FirstOrDefault(a => DefinitionMeanings.ApprovalMeaning(a) == meaning),
            _ => null,
        };

    /// <summary>The keys of the ballot steps of these definitions (the task list's "vote" kind, narrowed in SQL).</summary>
    public static IReadOnlyList<string> VoteKeys(IEnumerable<WorkflowDefinition> all) =>
        all.SelectMany(StepPaths.HumanSteps).OfType<VoteStep>().Select(s => s.Key).Distinct().ToList();

    /// <summary>Every stored version instances may run on (drafts excluded).</summary>
    public async Task<IReadOnlyList<WorkflowDefinition>> RunnableAsync(CancellationToken cancellationToken)
    {
        var versions = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.Status != DefinitionStatus.Draft)
            .Select(d => new { d.DefinitionId, d.Version }).ToListAsync(cancellationToken);
        var loaded = new List<WorkflowDefinition>();
        foreach (var v in versions)
            loaded.Add(await definitions.GetAsync(v.DefinitionId, v.Version, cancellationToken));
        return loaded;
    }

    // ---- names ----

    /// <summary>A step's name in the reader's language (<paramref name="culture"/>, else the current UI culture).</summary>
    public static string StepName(WorkflowDefinition? definition, string? stepKey, CultureInfo? culture = null, CalleeDefinitions? callees = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        if (stepKey is null)
            return "—";
        // A nested key (a parallel branch) names its branch; a called definition's step needs its callee, which names
        // it through the generic name of its kind when not given here.
        var step = definition is null ? null : StepPaths.Resolve(definition, stepKey, null, callees);
        return step?.Title is { } title ? Text(title, culture) : GenericStepName(step).Format(culture);
    }

    /// <summary>An action's name as its button reads, in the reader's language.</summary>
    public static string ActionName(WorkflowDefinition? definition, string? stepKey, string action, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        var step = stepKey is null || definition is null ? null : StepPaths.Resolve(definition, stepKey);
        if (step is TaskStep task && task.FindAction(action) is { } found)
        {
            if (found.Label is { } label)
                return Text(label, culture);
            return DefinitionMeanings.MeaningOf(found) is { } meaning
                ? GenericActionName(meaning).Format(culture)
                : new Message("Thao tác {0}", task.Actions.ToList().IndexOf(found) + 1).Format(culture);
        }
        if (step is VoteStep && action == VoteStep.CloseAction)
            return new Message("Kết thúc bỏ phiếu").Format(culture);
        return DefinitionMeanings.ApprovalMeaning(action) is { } fixedMeaning
            ? GenericActionName(fixedMeaning).Format(culture)
            : new Message("Xử lý hồ sơ").Format(culture);
    }

    /// <summary>A display text in the reader's language; Vietnamese-only text is translated when the catalog knows it.</summary>
    public static string Text(LocalizedText text, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        return MessageCatalog.IsEnglish(culture) ? text.En ?? MessageCatalog.Translate(text.Vi, culture) : text.Vi;
    }

    private static Message GenericStepName(StepDefinition? step) => step?.Meaning switch
    {
        StepMeaning.Proposal => new Message("Đơn vị lập và trình hồ sơ"),
        StepMeaning.Review => new Message("Xem xét hồ sơ"),
        StepMeaning.Disclosure => new Message("Công khai, lấy ý kiến"),
        StepMeaning.Appraisal => new Message("Thẩm định"),
        StepMeaning.Check => new Message("Kiểm tra hồ sơ"),
        StepMeaning.Vote => new Message("Bỏ phiếu"),
        StepMeaning.Decision => new Message("Quyết định khen thưởng"),
        StepMeaning.Forwarding => new Message("Chuyển hồ sơ lên cấp trên"),
        _ => step switch
        {
            TaskStep => new Message("Xử lý hồ sơ"),
            SequentialApprovalStep => new Message("Duyệt lần lượt"),
            ParallelApprovalStep => new Message("Duyệt song song"),
            VoteStep => new Message("Bỏ phiếu"),
            WaitStep => new Message("Thời gian chờ"),
            BranchStep => new Message("Phân loại hồ sơ"),
            EndStep { Result: EndResult.Awarded } => new Message("Đã khen thưởng"),
            EndStep { Result: EndResult.Rejected } => new Message("Không được khen thưởng"),
            EndStep { Result: EndResult.Withdrawn } => new Message("Đã rút"),
            _ => new Message("Bước xử lý"),
        },
    };

    private static Message GenericActionName(ActionMeaning meaning) => meaning switch
    {
        ActionMeaning.Submit => new Message("Trình hồ sơ"),
        ActionMeaning.Approve => new Message("Đồng ý"),
        ActionMeaning.ReturnForSupplement => new Message("Trả lại, yêu cầu bổ sung"),
        ActionMeaning.Reject => new Message("Không đồng ý"),
        _ => new Message("Ký quyết định khen thưởng"),
    };
}

/// <summary>A step's name as a text formatted in each reader's language (a notification is written in its recipient's).</summary>
public sealed record StepNameText(WorkflowDefinition? Definition, string? StepKey, CalleeDefinitions? Callees = null) : ILocalised
{
    public string Format(CultureInfo? culture = null) => DefinitionSemantics.StepName(Definition, StepKey, culture, Callees);
}

/// <summary>Definitions read for one answer (a page of inbox items, an export), by id and version.</summary>
public sealed class DefinitionSet(IReadOnlyDictionary<(string Id, int Version), WorkflowDefinition> definitions,
    IReadOnlyDictionary<(string Id, int Version), CalleeDefinitions>? callees = null)
{
    public WorkflowDefinition? Get(string? id, int? version) =>
        id is not null && version is { } v && definitions.TryGetValue((id, v), out var d) ? d : null;

    public string StepName(string? id, int? version, string? stepKey, CultureInfo? culture = null) =>
        DefinitionSemantics.StepName(Get(id, version), stepKey, culture, CalleesOf(id, version));

    /// <summary>The step's name in whichever language it is read.</summary>
    public StepNameText StepText(string? id, int? version, string? stepKey) => new(Get(id, version), stepKey, CalleesOf(id, version));

    private CalleeDefinitions? CalleesOf(string? id, int? version) =>
        id is not null && version is { } v && callees is not null && callees.TryGetValue((id, v), out var c) ? c : null;
}
