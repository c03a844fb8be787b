using Commendations.Engine;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Behaviours;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Common.Time;
using Commendations.Domain.Campaigns;
using Commendations.Domain.Catalog;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Campaigns.Registration;

/// <summary>
/// A unit's emulation officer registers which titles and award forms the unit aims at in the campaign (how many collectives
/// and individuals for each). A new registration replaces the unit's previous one while the window is open; after the
/// closing date (a Vietnam date, inclusive) it is refused.
/// </summary>
[Allowed(Roles.EmulationOfficer)]
public sealed record RegisterTitles(Guid CampaignId, IReadOnlyList<TitleAim> Titles) : ICommand<UnitRegistrationView>;

public sealed record TitleAim(string AwardFormCode, int Collectives, int Individuals);

public sealed class RegisterTitlesValidator : AbstractValidator<RegisterTitles>
{
    public RegisterTitlesValidator()
    {
        RuleFor(c => c.Titles).NotEmpty();
        RuleFor(c => c.Titles).Must(t => t.Select(a => a.AwardFormCode).Distinct().Count() == t.Count)
            .When(c => c.Titles is not null).WithMessage(new Message("Mỗi hình thức khen thưởng chỉ đăng ký một lần."));
        RuleFor(c => c.Titles).Must(t => t.Any(a => a.Collectives + a.Individuals > 0))
            .When(c => c.Titles is { Count: > 0 }).WithMessage(new Message("Cần đăng ký ít nhất một tập thể hoặc một cá nhân."));
        RuleForEach(c => c.Titles).ChildRules(aim =>
        {
            aim.RuleFor(a => a.AwardFormCode).NotEmpty().MaximumLength(AwardForm.CodeMaxLength);
            aim.RuleFor(a => a.Collectives).InclusiveBetween(0, TitleRegistration.MaxCount);
            aim.RuleFor(a => a.Individuals).InclusiveBetween(0, TitleRegistration.MaxCount);
        });
    }
}

public sealed class RegisterTitlesHandler(CommendationsDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<RegisterTitles, UnitRegistrationView>
{
    public async Task<UnitRegistrationView> Handle(RegisterTitles request, CancellationToken cancellationToken)
    {
        var unitId = user.UnitId ?? throw new ForbiddenException(new Message("Tài khoản chưa thuộc đơn vị nào."), "no-unit");
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CampaignId, cancellationToken)
                       ?? throw new NotFoundException(Things.Campaign);
        var window = await db.RegistrationWindows.AsNoTracking().SingleOrDefaultAsync(w => w.CampaignId == campaign.Id, cancellationToken)
                     ?? throw new ConflictException("registration-not-open", new Message("Phong trào “{0}” chưa mở đăng ký thi đua.", campaign.Name));
        if (!window.IsOpen(VietnamTime.Today(clock)))
            throw new ConflictException("registration-closed", new Message("Đã hết hạn đăng ký thi đua của phong trào “{0}” (hạn cuối {1}).", campaign.Name, window.ClosesOn));

        var allowed = campaign.Awards.Select(a => a.AwardFormId).ToHashSet();
        var codes = request.Titles.Select(t => t.AwardFormCode.Trim()).ToList();
        var forms = await db.AwardForms.AsNoTracking().Where(f => codes.Contains(f.Code)).ToDictionaryAsync(f => f.Code, cancellationToken);
        var titles = new List<RegisteredTitle>();
        var problems = new Dictionary<string, Message[]>();
        for (var i = 0; i < request.Titles.Count; i++)
        {
            var aim = request.Titles[i];
            if (!forms.TryGetValue(aim.AwardFormCode.Trim(), out var form) || !allowed.Contains(form.Id))
                problems[$"titles[{i}].awardFormCode"] = [new Message("Phong trào không có hình thức khen thưởng này.")];
            else if (aim.Collectives > 0 && !form.IsFor(NomineeKind.Collective))
                problems[$"titles[{i}].collectives"] = [new Message("“{0}” không xét cho tập thể.", form.Name)];
            else if (aim.Individuals > 0 && !form.IsFor(NomineeKind.Individual))
                problems[$"titles[{i}].individuals"] = [new Message("“{0}” không xét cho cá nhân.", form.Name)];
            else
                titles.Add(new RegisteredTitle(form.Id, aim.Collectives, aim.Individuals));
        }
        if (problems.Count > 0)
            throw new InputException(problems);

        var registration = await db.TitleRegistrations.SingleOrDefaultAsync(r => r.CampaignId == campaign.Id && r.UnitId == unitId, cancellationToken);
        if (registration is null)
            db.TitleRegistrations.Add(registration = new TitleRegistration(campaign.Id, unitId));
        registration.Register(titles, user.UserId, clock.GetUtcNow());
        await audit.RecordAsync(TitleRegistrations.Stream, "registration.submitted", null, null,
            new { campaign = campaign.Code, titles = request.Titles.Select(t => new { t.AwardFormCode, t.Collectives, t.Individuals }) }, cancellationToken);
        var unit = await db.Units.AsNoTracking().SingleAsync(u => u.Id == unitId, cancellationToken);
        return GetRegistrationsHandler.View(unit, registration, forms.Values.ToDictionary(f => f.Id));
    }
}
