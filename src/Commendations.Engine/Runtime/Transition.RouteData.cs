using System.Text.Json;

namespace Commendations.Engine;

/// <summary>Route data written by transitions: outputs of task actions, and secret ballots (who voted, apart from the counts).</summary>
internal sealed partial class Transition
{
    /// <summary>
    /// The outputs <paramref name="action"/> records: its fixed values, and the values the actor chose for what it asks
    /// (each asked output required, of its declared type and options; nothing else accepted). The system acting on an
    /// escalation records only the fixed values.
    /// </summary>
    private RuntimeError? RecordOutputs(TaskStep step, TaskAction action, IReadOnlyDictionary<string, JsonElement>? given, bool bySystem,
        out IReadOnlyDictionary<string, JsonElement>? recorded)
    {
        recorded = null;
        var asks = action.Asks ?? [];
        if (given is not null)
        {
            foreach (var name in given.Keys)
            {
                if (!asks.Contains(name))
                {
                    return asks.Count == 0
                        ? Error(RuntimeErrors.InvalidOutput, "Thao tác “{0}” không ghi nhận kết quả nào; không nhận “{1}”.", Named.Action(step.Key, action.Name), Named.Output(name))
                        : Error(RuntimeErrors.InvalidOutput, "Thao tác “{0}” không hỏi “{1}”; thao tác này hỏi: {2}.", Named.Action(step.Key, action.Name), Named.Output(name),
                            EngineText.List(asks.Select(Named.Output)));
                }
            }
        }
        if (action.Outputs is null && asks.Count == 0) return null;

        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (action.Outputs is { } fixedValues)
        {
            foreach (var (name, value) in fixedValues) values[name] = value;
        }
        foreach (var name in asks)
        {
            if (given is null || !given.TryGetValue(name, out var value))
            {
                if (bySystem) continue;
                return Error(RuntimeErrors.InvalidOutput, "Thao tác “{0}” cần chọn “{1}”.", Named.Action(step.Key, action.Name), Named.Output(name));
            }
            var declaration = step.Outputs?.FirstOrDefault(o => o.Name == name);
            if (declaration is null || !Fits(declaration, value))
            {
                return declaration?.Options is { Count: > 0 } options
                    ? Error(RuntimeErrors.InvalidOutput, "Giá trị của “{0}” không hợp lệ; chọn một trong: {1}.", Named.Output(name), EngineText.List(options.Select(Named.Output)))
                    : Error(RuntimeErrors.InvalidOutput, "Giá trị của “{0}” không hợp lệ; cần kiểu {1}.", Named.Output(name), declaration?.Type.ToString().ToLowerInvariant());
            }
            values[name] = value.Clone();
        }
        if (values.Count == 0) return null;

        var all = _outputs is null ? new Dictionary<string, JsonElement>(StringComparer.Ordinal) : new Dictionary<string, JsonElement>(_outputs, StringComparer.Ordinal);
        foreach (var (name, value) in values) all[$"{step.Key}.{name}"] = value;
        _outputs = all;
        recorded = values;
        return null;
    }

    internal static bool Fits(OutputDeclaration declaration, JsonElement value) => declaration.Type switch
    {
        OutputType.Number => value.ValueKind == JsonValueKind.Number,
        OutputType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        _ => value.ValueKind == JsonValueKind.String && (declaration.Options is not { Count: > 0 } options || options.Contains(value.GetString()!)),
    };

    public RuntimeError? CastSecretBallots(CastSecretBallots command)
    {
        if (CurrentVote(command.StepKey, out var step, out var progress) is { } error) return error;
        if (!step.Secret) return Error(RuntimeErrors.InvalidAction, "Bước “{0}” là biểu quyết công khai: mỗi thành viên tự bỏ phiếu của mình.", Named.Step(step.Key));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var voter in command.Voters)
        {
            if (!progress.Members.Contains(voter)) return Error(RuntimeErrors.NotAMember, "{0} không phải thành viên của {1}.", Named.User(voter), Named.Committee(step.Committee));
            if (!seen.Add(voter) || progress.HasVoted(voter)) return Error(RuntimeErrors.AlreadyVoted, "{0} đã bỏ phiếu.", Named.User(voter));
        }
        var tally = command.Tally;
        if (tally.Yes < 0 || tally.No < 0 || tally.Abstain < 0 || tally.Recuse < 0 || tally.Total != command.Voters.Count)
        {
            return Error(RuntimeErrors.InvalidTally, "Tổng số phiếu ({0}) phải bằng số người bỏ phiếu ({1}).", tally.Total, command.Voters.Count);
        }
        if (command.Voters.Count == 0) return null;
        return CastSecret(step, progress, command.Voters, tally, command.Comment);
    }

    /// <summary>
    /// Adds secret ballots: the voters join the list of who has voted and the counts grow; neither the state, the history
    /// nor the task outcomes (<c>voted</c>) say who chose what.
    /// </summary>
    private RuntimeError? CastSecret(VoteStep step, VoteProgress progress, IReadOnlyList<string> voters, VoteTally tally, string? comment)
    {
        _progress = progress = progress with
        {
            Voters = [.. progress.Voters ?? [], .. voters],
            Tally = (progress.Tally ?? new VoteTally()).Plus(tally),
        };
        foreach (var voter in voters)
        {
            for (var i = 0; i < _tasks.Count; i++)
            {
                if (_tasks[i].StepKey == step.Key && _tasks[i].Assignee.UserId == voter)
                {
                    CloseTask(i, SecretOutcome, voter);
                    break;
                }
            }
            Record(HistoryEvent.Voted, step.Key, SecretOutcome, voter, comment);
        }
        // Decided by the count alone: no member is named as the one whose ballot completed it.
        return progress.VotedCount == progress.Members.Count ? Decide(step, progress, null, explicitClose: false) : null;
    }

    /// <summary>The outcome of a ballot task and history entry in a secret vote: that the member voted, not how.</summary>
    public const string SecretOutcome = "voted";
}
