using System.Security.Cryptography;
using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Security;
using Commendations.Domain.Users;
using Commendations.Persistence;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Commendations.Common.Behaviours;
using Commendations.Common.Text;

namespace Commendations.Features.Admin.Users;

/// <summary>
/// An administrator creates an account with its roles, unit and title, and a temporary password (generated when none is
/// given) to hand to the person, who changes it after signing in.
/// </summary>
[Allowed(Common.Security.Roles.Administrator)]
public sealed record CreateUser(string UserName, string DisplayName, string? Title, Guid? UnitId, IReadOnlyList<string> Roles,
    string? TemporaryPassword = null) : IUserProfile, ICommand<CreatedUser>;

public sealed record CreatedUser(Guid Id, string UserName, string TemporaryPassword);

public sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public CreateUserValidator()
    {
        RuleFor(c => c.UserName).NotEmpty().MaximumLength(100)
            .Matches("^[a-z0-9][a-z0-9._-]*$").WithMessage(new Message("Dùng chữ thường không dấu, chữ số, dấu chấm, gạch nối hoặc gạch dưới, ví dụ canbo.tanhoa."));
        Include(new UserProfileValidator());
    }
}

public sealed class CreateUserHandler(UserManager<AppUser> users, CommendationsDbContext db, AuditTrail audit)
    : IRequestHandler<CreateUser, CreatedUser>
{
    public async Task<CreatedUser> Handle(CreateUser request, CancellationToken cancellationToken)
    {
        await UserRules.CheckUnitAsync(db, request.UnitId, cancellationToken);
        var password = string.IsNullOrWhiteSpace(request.TemporaryPassword) ? Generate() : request.TemporaryPassword;
        var account = new AppUser
        {
            UserName = request.UserName,
            DisplayName = request.DisplayName.Trim(),
            Title = string.IsNullOrWhiteSpace(request.Title) ? null : request.Title.Trim(),
            UnitId = request.UnitId,
            LockoutEnabled = true,
        };
        UserRules.ThrowIfFailed(await users.CreateAsync(account, password));
        await UserRules.SetRolesAsync(users, account, request.Roles);
        await audit.RecordAsync(AdminAccess.UsersStream, "user.created",
            data: new { account.Id, account.UserName, account.DisplayName, account.Title, account.UnitId, request.Roles }, cancellationToken: cancellationToken);
        return new CreatedUser(account.Id, account.UserName, password);
    }

    /// <summary>12 characters with upper and lower case letters and digits, without look-alikes (0/O, 1/l/I).</summary>
    internal static string Generate()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789";
        const string all = upper + lower + digits;
        var chars = new char[12];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        for (var i = 3; i < chars.Length; i++)
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
