using Commendations.Common.Text;
using Commendations.Domain.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Commendations.Common.Security;

/// <summary>
/// Identity's check of every password that is set (account creation, change, reset), beside its own length rule:
/// refuses common passwords, simple patterns, the user's name and the app's or province's name (<see cref="PasswordWeakness"/>).
/// </summary>
public sealed class CommonPasswordValidator(IOptions<PasswordPolicy> policy) : IPasswordValidator<AppUser>
{
    public const string CommonCode = "PasswordCommon";
    public const string PatternCode = "PasswordPattern";
    public const string NameCode = "PasswordContainsName";
    public const string AppNameCode = "PasswordContainsAppName";

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
            return Task.FromResult(IdentityResult.Success); // Identity's own length rule answers that
        var codes = new List<string>();
        if (PasswordWeakness.ContainsAnyWord(password, policy.Value.ForbiddenWords))
            codes.Add(AppNameCode);
        if (PasswordWeakness.ContainsName(password, user.UserName, user.DisplayName))
            codes.Add(NameCode);
        if (PasswordWeakness.IsCommon(password))
            codes.Add(CommonCode);
        if (PasswordWeakness.IsPattern(password))
            codes.Add(PatternCode);
        return Task.FromResult(codes.Count == 0
            ? IdentityResult.Success
            : IdentityResult.Failed(codes.Select(c => new IdentityError { Code = c, Description = IdentityMessages.For(c).ToString() }).ToArray()));
    }
}

/// <summary>Identity's refusals as messages for people (Vietnamese, English by the catalogue); Identity's own texts are English only.</summary>
public static class IdentityMessages
{
    public static Message For(IdentityError error) => For(error.Code, error.Description);

    public static Message For(string code, string? description = null) => code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => new Message("Mật khẩu phải có ít nhất {0} ký tự.", PasswordPolicy.MinimumLength),
        nameof(IdentityErrorDescriber.PasswordMismatch) => new Message("Mật khẩu hiện tại không đúng."),
        CommonPasswordValidator.CommonCode => new Message("Mật khẩu này quá phổ biến, kẻ gian đoán được ngay. Hãy chọn mật khẩu khác, ví dụ một câu ngắn dễ nhớ."),
        CommonPasswordValidator.PatternCode => new Message("Mật khẩu theo một mẫu dễ đoán (chuỗi liên tiếp, lặp lại hoặc dãy phím liền nhau). Hãy chọn mật khẩu khác."),
        CommonPasswordValidator.NameCode => new Message("Mật khẩu không được chứa tên đăng nhập hoặc họ tên của bạn."),
        CommonPasswordValidator.AppNameCode => new Message("Mật khẩu không được chứa tên hệ thống hoặc tên tỉnh."),
        _ => new Message(description ?? code),
    };
}
