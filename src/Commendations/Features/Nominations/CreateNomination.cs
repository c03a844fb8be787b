using Commendations.Common.Text;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Campaigns;
using Commendations.Domain.Catalog;
using Commendations.Domain.Nominations;
using Commendations.Domain.Nominees;
using Commendations.Persistence;
using Commendations.Workflow;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Commendations.Common.Behaviours;

namespace Commendations.Features.Nominations;

/// <param name="IdentityId">The person's identity from an earlier nomination or award of the unit (the registry's line), so past
/// titles count; without it, a person of the unit with the same name, sex and birth year is the same person only when there is
/// exactly one.</param>
public sealed record PersonInput(string FullName, Gender Gender, int BirthYear, string Position, Guid? IdentityId = null);

/// <param name="IdentityId">The collective's identity from an earlier nomination; without it, the unit's one collective of the same name.</param>
public sealed record CollectiveInput(string Name, int Headcount, int Women, int AdvancedWorkers, Guid? IdentityId = null);

/// <summary>
/// An emulation officer drafts a nomination for their own unit. The workflow starts at once, so the draft already
/// sits at the unit's proposal step with its deadline (the campaign's dossier close) and reminders.
/// </summary>
[Allowed(Roles.EmulationOfficer)]
public sealed record CreateNomination(
    Guid CampaignId,
    string AwardFormCode,
    NomineeKind Kind,
    PersonInput? Person,
    CollectiveInput? Collective,
    string AchievementSummary) : ICommand<Guid>;

public sealed class CreateNominationValidator : AbstractValidator<CreateNomination>
{
    public CreateNominationValidator()
    {
        RuleFor(c => c.CampaignId).NotEmpty();
        RuleFor(c => c.AwardFormCode).NotEmpty().MaximumLength(AwardForm.CodeMaxLength);
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.AchievementSummary).NotEmpty().MaximumLength(Nomination.SummaryMaxLength);
        RuleFor(c => c.Person).NotNull().When(c => c.Kind == NomineeKind.Individual)
            .WithMessage(new Message("Đề nghị cho cá nhân cần thông tin của người được đề nghị."));
        RuleFor(c => c.Person).Null().When(c => c.Kind != NomineeKind.Individual)
            .WithMessage(new Message("Chỉ đề nghị cho cá nhân mới có thông tin cá nhân."));
        RuleFor(c => c.Collective).NotNull().When(c => c.Kind != NomineeKind.Individual)
            .WithMessage(new Message("Đề nghị cho tập thể hoặc hộ gia đình cần thông tin của tập thể."));
        RuleFor(c => c.Collective).Null().When(c => c.Kind == NomineeKind.Individual)
            .WithMessage(new Message("Đề nghị cho cá nhân không có thông tin tập thể."));
        RuleFor(c => c.Person!).SetValidator(new PersonInputValidator()).When(c => c.Person is not null);
        RuleFor(c => c.Collective!).SetValidator(new CollectiveInputValidator()).When(c => c.Collective is not null);
    }
}

public sealed class PersonInputValidator : AbstractValidator<PersonInput>
{
    public PersonInputValidator()
    {
        RuleFor(p => p.FullName).NotEmpty().MaximumLength(200);
        RuleFor(p => p.Gender).IsInEnum();
        RuleFor(p => p.BirthYear).InclusiveBetween(1900, 2100);
        RuleFor(p => p.Position).NotEmpty().MaximumLength(300);
    }
}

public sealed class CollectiveInputValidator : AbstractValidator<CollectiveInput>
{
    public CollectiveInputValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(300);
        RuleFor(c => c.Headcount).InclusiveBetween(1, 1_000_000);
        RuleFor(c => c.Women).InclusiveBetween(0, 1_000_000).LessThanOrEqualTo(c => c.Headcount);
        RuleFor(c => c.AdvancedWorkers).InclusiveBetween(0, 1_000_000).LessThanOrEqualTo(c => c.Headcount);
    }
}

public sealed class CreateNominationHandler(CommendationsDbContext db, ICurrentUser user, NominationDrafting drafting)
    : IRequestHandler<CreateNomination, Guid>
{
    public async Task<Guid> Handle(CreateNomination request, CancellationToken cancellationToken)
    {
        if (user.UnitId is not { } unitId)
            throw new ForbiddenException(new Message("Tài khoản của bạn chưa thuộc đơn vị nào, nên chưa thể đề nghị khen thưởng."), "no-unit");

        var campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == request.CampaignId, cancellationToken)
                       ?? throw new InputException("campaignId", new Message("Không có phong trào thi đua này."));
        var awardForm = await db.AwardForms.SingleOrDefaultAsync(a => a.Code == request.AwardFormCode, cancellationToken)
                        ?? throw new InputException("awardFormCode", new Message("Không có hình thức khen thưởng này."));
        if (AwardRefusal(campaign, awardForm, request.Kind) is { } refusal)
            throw new InputException(refusal.Field, refusal.Reason);

        var scope = await drafting.ScopeAsync(campaign, unitId, [request], cancellationToken);
        return await drafting.DraftAsync(scope, request, awardForm, cancellationToken);
    }

    /// <summary>
    /// Why <paramref name="awardForm"/> cannot be proposed for <paramref name="kind"/> in <paramref name="campaign"/> (the field
    /// and the reason), or null when it can. Shared with the Excel import, which checks every row by the same rule.
    /// </summary>
    public static (string Field, Message Reason)? AwardRefusal(Campaign campaign, AwardForm awardForm, NomineeKind kind)
    {
        if (campaign.AwardFor(awardForm.Id) is null)
            return ("awardFormCode", new Message("Phong trào {0} – {1} không xét hình thức “{2}”.", campaign.Code, campaign.Name, awardForm.Name));
        if (!awardForm.IsFor(kind))
            return ("kind", new Message("Hình thức “{0}” không xét cho đối tượng “{1}”.", awardForm.Name, Names.Kind(kind)));
        return null;
    }
}
