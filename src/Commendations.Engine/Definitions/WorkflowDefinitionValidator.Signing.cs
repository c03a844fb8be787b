namespace Commendations.Engine;

/// <summary>
/// The rules of a decision step's signing declaration: only the decision declares it, the seal comes after a required
/// leader's signature (a seal alone would put a decision in force that nobody signed), and — when the organisation is
/// known — someone active holds the seal's role in its scope, or decisions would wait for a seal nobody can apply.
/// </summary>
public static partial class WorkflowDefinitionValidator
{
    private static void ValidateSigning(TaskStep task, string path, ValidationContext? context, AddProblem add)
    {
        if (task.Signing is not { } signing) return;
        var at = $"{path}.signing";
        if (task.Meaning != StepMeaning.Decision)
            add(at, "Chỉ bước quyết định (meaning: decision) mới khai báo chữ ký số (signing).");
        if (signing.Seal is not { } seal) return;
        if (signing.Leader != SignatureNeed.Required)
            add($"{at}.seal", "Văn thư chỉ đóng dấu sau chữ ký số của lãnh đạo: khi có dấu (seal), chữ ký của lãnh đạo phải là bắt buộc (leader: required).");
        if (string.IsNullOrWhiteSpace(seal.Role)) add($"{at}.seal.role", "Vai trò người đóng dấu không được để trống.");
        if (string.IsNullOrWhiteSpace(seal.Scope)) add($"{at}.seal.scope", "Phạm vi đơn vị của người đóng dấu không được để trống.");
        if (context is null || string.IsNullOrWhiteSpace(seal.Role) || string.IsNullOrWhiteSpace(seal.Scope)) return;
        var scopeKnown = CheckScope(context, seal.Scope, $"{at}.seal.scope", add);
        CheckRole(context, seal.Role, scopeKnown ? seal.Scope : null, $"{at}.seal.role", add);
    }
}
