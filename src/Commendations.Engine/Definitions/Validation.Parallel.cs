namespace Commendations.Engine;

/// <summary>Validation of <see cref="ParallelStep"/>: its branches, each with an actor and a deadline policy.</summary>
public static partial class WorkflowDefinitionValidator
{
    private static void ValidateParallel(ParallelStep step, string path, ValidationContext? context, AddProblem add)
    {
        if (step.Branches.Count < 2) add($"{path}.branches", "Bước song song cần ít nhất hai nhánh.");
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < step.Branches.Count; j++)
        {
            var branch = step.Branches[j];
            var branchPath = $"{path}.branches[{j}]";
            if (string.IsNullOrEmpty(branch.Key)) add($"{branchPath}.key", "Mỗi nhánh cần một mã (key).");
            else if (!IsKebab(branch.Key)) add($"{branchPath}.key", "Mã nhánh '{0}' phải viết kiểu kebab-case (chữ thường và chữ số, nối bằng một dấu gạch ngang).", branch.Key);
            else if (!seen.TryAdd(branch.Key, j)) add($"{branchPath}.key", "Mã nhánh '{0}' đã dùng ở {1}.", branch.Key, $"{path}.branches[{seen[branch.Key]}]");

            if ((branch.Assignee is null) == (branch.Committee is null))
            {
                add(branchPath, "Mỗi nhánh cần đúng một trong hai: assignee (một vai trò trong một phạm vi đơn vị) hoặc committee (một hội đồng, ban xét lần lượt theo thứ tự).");
            }
            if (branch.Assignee is { } assignee)
            {
                if (string.IsNullOrWhiteSpace(assignee.Role)) add($"{branchPath}.assignee.role", "Vai trò của người xử lý nhánh không được để trống.");
                if (string.IsNullOrWhiteSpace(assignee.Scope)) add($"{branchPath}.assignee.scope", "Phạm vi đơn vị của người xử lý nhánh không được để trống.");
            }
            if (branch.Committee is { } committee) ValidateCommittee(committee, branchPath, context, add);
            ValidateHumanPolicy(step.BranchStep(j), branchPath, add);
        }
        if (step.OnRejection == BranchRejection.WaitForAll && step.Transitions.Rejected is null)
        {
            add($"{path}.onRejection", "onRejection 'waitForAll' cần chuyển tiếp transitions.rejected: không có nó thì không nhánh nào được từ chối.");
        }
    }
}
