using Commendations.Engine;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Common.Time;
using Commendations.Domain.Campaigns;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Campaigns.Registration;

/// <summary>
/// The campaign's owner — the provincial commendation office (appraiser role) or an administrator — opens the year-start
/// registration of titles (đăng ký thi đua) down to the units, until a closing date; opening again moves the date.
/// </summary>
[Allowed(Roles.Appraiser, Roles.Administrator)]
public sealed record OpenRegistration(Guid CampaignId, DateOnly ClosesOn) : ICommand<RegistrationWindowView>;

public sealed record RegistrationWindowView(Guid CampaignId, DateOnly ClosesOn, bool Open);

public sealed class OpenRegistrationValidator : AbstractValidator<OpenRegistration>
{
    public OpenRegistrationValidator() => RuleFor(c => c.ClosesOn).NotEqual(default(DateOnly));
}

public sealed class OpenRegistrationHandler(CommendationsDbContext db, ICurrentUser user, AuditTrail audit, TimeProvider clock)
    : IRequestHandler<OpenRegistration, RegistrationWindowView>
{
    public async Task<RegistrationWindowView> Handle(OpenRegistration request, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CampaignId, cancellationToken)
                       ?? throw new NotFoundException(Things.Campaign);
        var today = VietnamTime.Today(clock);
        if (request.ClosesOn < today)
            throw new InputException("closesOn", new Message("Hạn đăng ký thi đua ({0}) không thể trước hôm nay ({1}).", request.ClosesOn, today));
        if (request.ClosesOn > campaign.PeriodEnd)
            throw new InputException("closesOn", new Message("Hạn đăng ký thi đua ({0}) phải trong thời gian của phong trào (đến {1}).", request.ClosesOn, campaign.PeriodEnd));
        var window = await db.RegistrationWindows.SingleOrDefaultAsync(w => w.CampaignId == campaign.Id, cancellationToken);
        if (window is null)
            db.RegistrationWindows.Add(window = new RegistrationWindow(campaign.Id, request.ClosesOn, user.UserId, clock.GetUtcNow()));
        else
            window.CloseOn(request.ClosesOn);
        await audit.RecordAsync(TitleRegistrations.Stream, "registration.opened", null, null,
            new { campaign = campaign.Code, closesOn = request.ClosesOn.ToString("dd/MM/yyyy") }, cancellationToken);
        return new RegistrationWindowView(campaign.Id, window.ClosesOn, window.IsOpen(today));
    }
}

public static class TitleRegistrations
{
    /// <summary>The audit stream of registrations (one per province, like the registry's).</summary>
    public const string Stream = "registrations";
}
