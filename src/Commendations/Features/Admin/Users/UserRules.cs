using Commendations.Common.Text;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Domain.Users;
using Commendations.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Commendations.Common.Behaviours;

namespace Commendations.Features.Admin.Users;

/// <summary>What both creating and changing an account set: name, title, unit and roles.</summary>
public interface IUserProfile
{
    string DisplayName { get; }
    string? Title { get; }
    Guid? UnitId { get; }
    IReadOnlyList<string> Roles { get; }
}

/// <summary>The rules of <see cref="IUserProfile"/>, included by the create and update validators.</summary>
public sealed class UserProfileValidator : AbstractValidator<IUserProfile>
{
    public UserProfileValidator()
    {
        RuleFor(c => c.DisplayName).NotEmpty().MaximumLength(AppUser.DisplayNameMaxLength);
        RuleFor(c => c.Title).MaximumLength(200);
        RuleFor(c => c.Roles).KnownRoles().Must(r => r is { Count: > 0 }).WithMessage(new Message("Chọn ít nhất một vai trò cho tài khoản."));
        RuleFor(c => c.UnitId).NotNull().When(c => c.Roles?.Contains(Common.Security.Roles.EmulationOfficer) == true)
            .WithMessage(new Message("Cán bộ thi đua phải thuộc một đơn vị."));
    }
}

internal static class UserRules
{
    public static IRuleBuilderOptions<T, IReadOnlyList<string>> KnownRoles<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule) =>
        rule.NotNull().Must(r => r is not null && r.All(Roles.All.Contains))
            .WithMessage(new Message("Vai trò không hợp lệ; chọn trong: {0}.", Message.List(Roles.All.Select(RoleNames.Of))));

    public static async Task CheckUnitAsync(CommendationsDbContext db, Guid? unitId, CancellationToken cancellationToken)
    {
        if (unitId is { } id && !await db.Units.AnyAsync(u => u.Id == id, cancellationToken))
            throw new InputException("unitId", new Message("Đơn vị này không tồn tại."));
    }

    /// <summary>Identity's refusals (password rules, duplicate name) as field errors, in the reader's language.</summary>
    public static void ThrowIfFailed(IdentityResult result, string passwordField = "temporaryPassword")
    {
        if (result.Succeeded)
            return;
        var errors = result.Errors
            .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField
                : e.Code.Contains("UserName", StringComparison.Ordinal) ? "userName" : "")
            .ToDictionary(g => g.Key, g => g.Select(IdentityMessages.For).ToArray());
        throw new InputException(errors);
    }

    public static async Task<AppUser> FindAsync(UserManager<AppUser> users, Guid id) =>
        await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException(Things.User);

    /// <summary>The roles an account should have: adds the missing ones and removes the others.</summary>
    public static async Task SetRolesAsync(UserManager<AppUser> users, AppUser account, IEnumerable<string> wanted)
    {
        var target = wanted.Distinct().ToList();
        var current = await users.GetRolesAsync(account);
        var remove = current.Except(target).ToList();
        var add = target.Except(current).ToList();
        if (remove.Count > 0)
            ThrowIfFailed(await users.RemoveFromRolesAsync(account, remove));
        if (add.Count > 0)
            ThrowIfFailed(await users.AddToRolesAsync(account, add));
    }
}
