using Commendations.Common.Text;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Sessions;
using Commendations.Engine;
using Commendations.Persistence;
using Commendations.Workflow;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Sessions;

/// <summary>
/// The secretary closes the session. For each agenda nomination the app hands the engine every recorded ballot it has
/// not received yet (recused members as Recuse), then CloseVote: the ENGINE decides by the step's quorum and its pass
/// threshold of the total membership. Without quorum the engine refuses (or takes the step's noQuorum transition): the
/// nomination stays at its vote and is reported as such; the ballots given stay with its open vote.
/// <para>
/// A secret item's ballot box is opened here, and only here: each sealed ballot is opened (<see cref="BallotBox"/>), their
/// number must equal the receipts', and the engine receives the members who voted and the counts, never who chose what
/// (<see cref="CastSecretBallots"/>). The box is then emptied; the counts stay on the agenda item.
/// </para>
/// </summary>
[Allowed(Roles.CommitteeMember, Roles.Administrator)]
public sealed record CloseSession(Guid SessionId) : ICommand<SessionResult>;

public sealed record SessionResult(Guid SessionId, IReadOnlyList<SessionItemResult> Items);

public sealed record SessionItemResult(Guid NominationId, string NomineeName, AgendaOutcome Outcome, string? EngineTally);

public sealed class CloseSessionHandler(
    CommendationsDbContext db, SessionAccess access, NominationWorkflow workflow, ICurrentUser user, AuditTrail audit, TimeProvider clock, BallotBox box)
    : IRequestHandler<CloseSession, SessionResult>
{
    public async Task<SessionResult> Handle(CloseSession request, CancellationToken cancellationToken)
    {
        var (session, committee) = await access.RunnableAsync(request.SessionId, cancellationToken);
        var ids = session.Agenda.Select(a => a.NominationId).ToList();
        var nominations = await db.Nominations.Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, cancellationToken);
        var closer = NominationWorkflow.ActorFor(user);
        var results = new List<SessionItemResult>();

        foreach (var item in session.Agenda.OrderBy(a => a.Order))
        {
            var nomination = nominations[item.NominationId];
            if (item.Secret)
            {
                results.Add(await CloseSecretAsync(session, item, nomination, closer, cancellationToken));
                continue;
            }
            var ballots = EffectiveBallots(session, item.NominationId);
            var (yes, no, abstain, recused) = Count(ballots.Values);
            var notVoting = session.Attendance.Count - ballots.Count;
            if (nomination.CurrentStep != item.StepKey)
            {
                item.Decide(AgendaOutcome.NotAtVote, null, yes, no, abstain, recused, notVoting);
                results.Add(new SessionItemResult(nomination.Id, nomination.NomineeName, item.Outcome, null));
                continue;
            }

            var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.NominationId == nomination.Id, cancellationToken);
            var alreadyCast = (InstanceState.FromJson(instance.State).Progress as VoteProgress)?.Ballots.Select(b => b.UserId).ToHashSet() ?? [];
            TransitionResult? last = null;
            foreach (var (member, choice) in ballots.Where(b => !alreadyCast.Contains(b.Key.ToString())))
            {
                if (nomination.CurrentStep != item.StepKey)
                    break; // the engine decided as soon as every member had voted
                last = await workflow.ExecuteAsync(nomination, new Engine.CastVote(item.StepKey,
                    new Actor(member.ToString(), new HashSet<string> { Roles.CommitteeMember }, null), choice, $"Phiên họp: {session.Title}"), cancellationToken);
            }
            if (nomination.CurrentStep == item.StepKey)
            {
                try
                {
                    last = await workflow.ExecuteAsync(nomination, new CloseVote(item.StepKey, closer), cancellationToken);
                }
                catch (ConflictException refused) when (refused.Code == RuntimeErrors.NoQuorum)
                {
                    last = null;
                }
            }
            var counted = last?.State.History.LastOrDefault(h => h.Event == HistoryEvent.VoteCounted && h.StepKey == item.StepKey);
            var outcome = OutcomeOf(counted);
            item.Decide(outcome, counted?.Comment, yes, no, abstain, recused, notVoting);
            await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), "session.decided", item.StepKey, null,
                new { session = session.Id, outcome = outcome.ToString(), tally = counted?.Comment }, cancellationToken);
            results.Add(new SessionItemResult(nomination.Id, nomination.NomineeName, outcome, counted?.Comment));
        }
        session.Close(user.UserId, clock.GetUtcNow());
        await audit.RecordAsync($"session:{session.Id}", "session.closed", null, null,
            new { committee = committee.Code, results = results.Select(r => new { r.NominationId, outcome = r.Outcome.ToString() }) }, cancellationToken);
        return new SessionResult(session.Id, results);
    }

    private static AgendaOutcome OutcomeOf(HistoryEntry? counted) => counted?.Outcome switch
    {
        Engine.Outcomes.Passed => AgendaOutcome.Passed,
        Engine.Outcomes.Failed => AgendaOutcome.Failed,
        _ => AgendaOutcome.NoQuorum,
    };

    private async Task<SessionItemResult> CloseSecretAsync(CouncilSession session, SessionAgendaItem item, Domain.Nominations.Nomination nomination,
        Actor closer, CancellationToken cancellationToken)
    {
        var receipts = session.Ballots.Where(b => b.NominationId == item.NominationId).ToList();
        var sealedBallots = await db.SealedBallots.Where(b => b.SessionId == session.Id && b.NominationId == item.NominationId).ToListAsync(cancellationToken);
        if (sealedBallots.Count != receipts.Count)
        {
            throw new ConflictException("ballot-box-mismatch",
                new Message("Hòm phiếu của hồ sơ {0} có {1} phiếu nhưng {2} thành viên đã bỏ phiếu; không kiểm phiếu được.", nomination.NomineeName, sealedBallots.Count, receipts.Count));
        }
        var tally = new VoteTally();
        foreach (var sealedBallot in sealedBallots)
        {
            var choice = box.Open(session.Id, item.NominationId, sealedBallot.Sealed)
                         ?? throw new ConflictException("ballot-box-mismatch", new Message("Một phiếu trong hòm phiếu của hồ sơ {0} không mở được.", nomination.NomineeName));
            tally = tally.Add(choice);
        }
        db.SealedBallots.RemoveRange(sealedBallots);

        var recused = session.Attendance.Where(a => a.IsRecusedFrom(item.NominationId)).Select(a => a.MemberUserId).ToList();
        var notVoting = session.Attendance.Count - receipts.Count - recused.Count;
        if (nomination.CurrentStep != item.StepKey)
        {
            item.Decide(AgendaOutcome.NotAtVote, null, tally.Yes, tally.No, tally.Abstain, recused.Count, notVoting);
            return new SessionItemResult(nomination.Id, nomination.NomineeName, item.Outcome, null);
        }

        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.NominationId == nomination.Id, cancellationToken);
        var progress = InstanceState.FromJson(instance.State).Progress as VoteProgress;
        // Recused members the vote already counts (an earlier session without quorum) are not handed over again.
        var newlyRecused = recused.Where(m => progress?.HasVoted(m.ToString()) != true).ToList();
        // In no meaningful order: the engine keeps who voted apart from the counts.
        var voters = receipts.Select(r => r.MemberUserId).Concat(newlyRecused).Select(m => m.ToString()).Order(StringComparer.Ordinal).ToList();
        TransitionResult? last = null;
        if (voters.Count > 0)
        {
            last = await workflow.ExecuteAsync(nomination, new CastSecretBallots(item.StepKey, voters, tally with { Recuse = newlyRecused.Count },
                $"Phiên họp: {session.Title}"), cancellationToken);
        }
        if (nomination.CurrentStep == item.StepKey)
        {
            try
            {
                last = await workflow.ExecuteAsync(nomination, new CloseVote(item.StepKey, closer), cancellationToken);
            }
            catch (ConflictException refused) when (refused.Code == RuntimeErrors.NoQuorum)
            {
                last = null;
            }
        }
        var counted = last?.State.History.LastOrDefault(h => h.Event == HistoryEvent.VoteCounted && h.StepKey == item.StepKey);
        var outcome = OutcomeOf(counted);
        item.Decide(outcome, counted?.Comment, tally.Yes, tally.No, tally.Abstain, recused.Count, notVoting);
        await audit.RecordAsync(AuditTrail.NominationStream(nomination.Id), "session.decided", item.StepKey, null,
            new { session = session.Id, outcome = outcome.ToString(), tally = counted?.Comment, secret = true }, cancellationToken);
        return new SessionItemResult(nomination.Id, nomination.NomineeName, outcome, counted?.Comment);
    }

    /// <summary>Each member's ballot for the engine: Recuse where recused, else the recorded ballot of a member who may vote.</summary>
    public static Dictionary<Guid, VoteChoice> EffectiveBallots(CouncilSession session, Guid nominationId)
    {
        var ballots = new Dictionary<Guid, VoteChoice>();
        foreach (var attendance in session.Attendance)
        {
            if (attendance.IsRecusedFrom(nominationId))
                ballots[attendance.MemberUserId] = VoteChoice.Recuse;
            else if (attendance.MayVoteOn(nominationId)
                     && session.BallotOf(nominationId, attendance.MemberUserId) is { Choice: { } choice })
                ballots[attendance.MemberUserId] = choice;
        }
        return ballots;
    }

    public static (int Yes, int No, int Abstain, int Recused) Count(IEnumerable<VoteChoice> choices)
    {
        var list = choices.ToList();
        return (list.Count(c => c == VoteChoice.Yes), list.Count(c => c == VoteChoice.No), list.Count(c => c == VoteChoice.Abstain), list.Count(c => c == VoteChoice.Recuse));
    }
}
