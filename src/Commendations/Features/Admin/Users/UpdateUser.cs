using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Users;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Commendations.Common.Text;

namespace Commendations.Features.Admin.Users;

/// <summary>
/// An administrator sets an account's name, title, unit and roles. Administrators cannot take the administrator role
/// away from themselves (no self-lockout). Changed roles reach open sessions through the security stamp.
/// </summary>
[Allowed(Common.Security.Roles.Administrator)]
public sealed record UpdateUser(Guid UserId, string DisplayName, string? Title, Guid? UnitId, IReadOnlyList<string> Roles) : IUserProfile, ICommand<bool>;

public sealed class UpdateUserValidator : AbstractValidator<UpdateUser>
{
    public UpdateUserValidator()
    {
        Include(new UserProfileValidator());
    }
}

public sealed class UpdateUserHandler(UserManager<AppUser> users, CommendationsDbContext db, ICurrentUser user, AuditTrail audit)
    : IRequestHandler<UpdateUser, bool>
{
    public async Task<bool> Handle(UpdateUser request, CancellationToken cancellationToken)
    {
        var account = await UserRules.FindAsync(users, request.UserId);
        if (account.Id == user.UserId && !request.Roles.Contains(Roles.Administrator))
            throw new InputException("roles", new Message("Bạn không thể tự bỏ vai trò quản trị của tài khoản mình."));
        await UserRules.CheckUnitAsync(db, request.UnitId, cancellationToken);
        var before = new { account.DisplayName, account.Title, account.UnitId, Roles = await users.GetRolesAsync(account) };
        account.DisplayName = request.DisplayName.Trim();
        account.Title = string.IsNullOrWhiteSpace(request.Title) ? null : request.Title.Trim();
        account.UnitId = request.UnitId;
        UserRules.ThrowIfFailed(await users.UpdateAsync(account));
        await UserRules.SetRolesAsync(users, account, request.Roles);
        await users.UpdateSecurityStampAsync(account);
        await audit.RecordAsync(AdminAccess.UsersStream, "user.changed",
            data: new { account.Id, account.UserName, Before = before, After = new { account.DisplayName, account.Title, account.UnitId, request.Roles } },
            cancellationToken: cancellationToken);
        return true;
    }
}
