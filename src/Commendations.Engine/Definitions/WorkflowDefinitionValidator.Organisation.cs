namespace Commendations.Engine;

/// <summary>
/// The rules that need the organisation (<see cref="ValidationContext"/>): a definition that publishes must not strand
/// a nomination on a role nobody holds, a scope with no unit, or a committee without the people its step needs.
/// </summary>
public static partial class WorkflowDefinitionValidator
{
    private static void ValidateOrganisation(WorkflowDefinition definition, ValidationContext context, AddProblem add)
    {
        var routeCommittees = definition.Steps.Select(CommitteeOf).OfType<string>().Distinct().ToList();
        foreach (var (step, path) in PeoplesSteps(definition))
        {
            var task = step as TaskStep;
            if (task is not null && !string.IsNullOrWhiteSpace(task.Assignee.Role) && !string.IsNullOrWhiteSpace(task.Assignee.Scope))
            {
                var scopeKnown = CheckScope(context, task.Assignee.Scope, $"{path}.assignee.scope", add);
                CheckRole(context, task.Assignee.Role, scopeKnown ? task.Assignee.Scope : null, $"{path}.assignee.role", add);
            }
            if (step is not HumanStep human) continue;
            // Every level of an escalation chain (or the single escalation) notifies someone who exists.
            var levels = human.EscalationLevels();
            for (var k = 0; k < levels.Count; k++)
            {
                if (levels[k] is not { NotifyRole: { Length: > 0 } role } escalation) continue;
                var at = human.Escalations is null ? $"{path}.escalation" : $"{path}.escalations[{k}]";
                if (role is ValidationContext.CommitteeChair or ValidationContext.CommitteeSecretary)
                {
                    CheckPosition(context, role, CommitteeOf(step) is { } own ? [own] : routeCommittees, $"{at}.notifyRole", add);
                    continue;
                }
                var scope = escalation.Scope ?? task?.Assignee.Scope;
                var known = escalation.Scope is null || CheckScope(context, escalation.Scope, $"{at}.scope", add);
                CheckRole(context, role, known ? scope ?? ValidationContext.AnyScope : null, $"{at}.notifyRole", add);
            }
        }
    }

    /// <summary>
    /// The steps people act on, with their JSON paths: the definition's own and each branch of a parallel step (as the
    /// task or committee review it opens), so a branch's assignee is checked like any task's.
    /// </summary>
    private static IEnumerable<(StepDefinition Step, string Path)> PeoplesSteps(WorkflowDefinition definition)
    {
        for (var i = 0; i < definition.Steps.Count; i++)
        {
            if (definition.Steps[i] is ParallelStep fork)
            {
                for (var j = 0; j < fork.Branches.Count; j++) yield return (fork.BranchStep(j), $"$.steps[{i}].branches[{j}]");
            }
            else
            {
                yield return (definition.Steps[i], $"$.steps[{i}]");
            }
        }
    }

    /// <summary>True when the scope is the nominating unit's or configured (or scopes are not known).</summary>
    private static bool CheckScope(ValidationContext context, string scope, string path, AddProblem add)
    {
        if (context.UnitScopes is not { } scopes || scope == ValidationContext.NominatingScope || scopes.Contains(scope)) return true;
        add(path, "Phạm vi đơn vị '{0}' chưa được cấu hình; các phạm vi đã cấu hình: {1}.", scope,
            string.Join(", ", scopes.Prepend(ValidationContext.NominatingScope).Order(StringComparer.Ordinal)));
        return false;
    }

    /// <summary>The role exists and someone active holds it in the scope (a null scope: not checked, its problem is reported).</summary>
    private static void CheckRole(ValidationContext context, string role, string? scope, string path, AddProblem add)
    {
        if (context.KnownRoles is { } roles && !roles.Contains(role))
        {
            add(path, "Vai trò '{0}' không tồn tại trong hệ thống; các vai trò đã biết: {1}.", role, string.Join(", ", roles.Order(StringComparer.Ordinal)));
            return;
        }
        if (scope is null || context.HeldRoles is not { } held || held.Contains(new RoleInScope(role, scope))) return;
        if (scope == ValidationContext.AnyScope)
            add(path, "Không có người dùng đang hoạt động nào giữ vai trò '{0}'.", role);
        else
            add(path, "Không có người dùng đang hoạt động nào giữ vai trò '{0}' ở phạm vi đơn vị '{1}'.", role, scope);
    }

    /// <summary>A committee position is notified through the step's committee, or the route's committees for other steps.</summary>
    private static void CheckPosition(ValidationContext context, string position, IReadOnlyList<string> committees, string path, AddProblem add)
    {
        if (context.Committees is not { } facts) return;
        if (committees.Count == 0)
        {
            add(path, "Không có ban, hội đồng nào trong quy trình để báo '{0}'.", position);
            return;
        }
        var chair = position == ValidationContext.CommitteeChair;
        var held = committees.Any(c => facts.TryGetValue(c, out var f) && (chair ? f.HasChair : f.HasSecretary));
        if (held) return;
        if (chair)
            add(path, "Ban, hội đồng {0} chưa có trưởng ban (chủ tịch) để nhận thông báo quá hạn.", string.Join(", ", committees));
        else
            add(path, "Ban, hội đồng {0} chưa có thư ký để nhận thông báo quá hạn.", string.Join(", ", committees));
    }

    /// <summary>The committee a step works with, if it is a committee step.</summary>
    public static string? CommitteeOf(StepDefinition step) => step switch
    {
        SequentialApprovalStep s => s.Committee,
        ParallelApprovalStep p => p.Committee,
        VoteStep v => v.Committee,
        _ => null,
    };
}
