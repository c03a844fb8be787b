using System.Net.Http.Json;
using Commendations.Domain.Users;
using Commendations.Seeding;
using Commendations.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Web.Tests.Auth;

/// <summary>
/// Every password that is set (an administrator's temporary password, a changed password, the seeded demo password) is at
/// least 12 characters long and is not a common password, a simple pattern, the user's name or the app's or province's name.
/// </summary>
public class PasswordPolicyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("Abcdefg1", "PasswordTooShort")]
    [InlineData("Abcdefghijk1", "PasswordPattern")]
    [InlineData("Abcdefg12345", "PasswordPattern")]
    [InlineData("qwertyuiop12", "PasswordPattern")]
    [InlineData("1qaz2wsx3edc", "PasswordCommon")]
    [InlineData("aaaaaaaaaaaa", "PasswordPattern")]
    [InlineData("ababababab12", "PasswordPattern")]
    [InlineData("123456789012", "PasswordPattern")]
    [InlineData("Password2026!", "PasswordCommon")]
    [InlineData("P@ssw0rd2026", "PasswordCommon")]
    [InlineData("iloveyou1234", "PasswordCommon")]
    [InlineData("Matkhau@12345", "PasswordCommon")]
    [InlineData("anhyeuem2026!", "PasswordCommon")]
    [InlineData("Dragon!Dragon!", "PasswordCommon")]
    [InlineData("canbo.tanhoa2026", "PasswordContainsName")]
    [InlineData("TanHoa-2026-xyz", "PasswordContainsName")]
    [InlineData("NguyenVanAn@2026", "PasswordContainsName")]
    [InlineData("LamGiang@2026!", "PasswordContainsAppName")]
    [InlineData("Lâm Giang 2026!", "PasswordContainsAppName")]
    [InlineData("ThiDuaKhenThuong1", "PasswordContainsAppName")]
    [InlineData("Commendations#1", "PasswordContainsAppName")]
    public async Task Weak_passwords_are_refused(string password, string code)
    {
        var errors = await ValidateAsync(password);

        errors.Select(e => e.Code).Should().Contain(code);
    }

    [Theory]
    [InlineData("Hoa-Sen-Ven-Ho@26")]
    [InlineData("bến nước con đò xưa")]
    [InlineData("correct horse battery staple")]
    [InlineData("Cay-Da-Dau-Lang-2027")]
    [InlineData("Tr4ng-R4m-Thu-V3")]
    public async Task Long_uncommon_passwords_are_accepted(string password)
    {
        (await ValidateAsync(password)).Should().BeEmpty();
    }

    [Fact]
    public async Task The_demo_password_passes()
    {
        (await ValidateAsync(DemoAccounts.Password)).Should().BeEmpty();
    }

    [Fact]
    public async Task An_administrator_cannot_give_a_weak_temporary_password()
    {
        var admin = await app.ClientFor(DemoAccounts.Admin);

        var refused = await admin.PostAsJsonAsync("/api/admin/users",
            new { userName = "canbo.yeu", displayName = "Phạm Văn Yếu", roles = new[] { "appraiser" }, temporaryPassword = "Abcdefg1" });

        var problem = await refused.ShouldBeValidationProblem();
        problem.Errors.Should().ContainKey("temporaryPassword").WhoseValue.Should().Contain("Mật khẩu phải có ít nhất 12 ký tự.");
    }

    [Fact]
    public async Task A_common_new_password_is_refused_in_the_readers_language()
    {
        var client = await app.ClientFor(DemoAccounts.Appraiser);

        var vietnamese = await (await client.PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = DemoAccounts.Password, newPassword = "Password2026!" })).ShouldBeValidationProblem();
        client.DefaultRequestHeaders.Add("Cookie", SignInSteps.EnglishCookie);
        var english = await (await client.PostAsJsonAsync("/api/auth/change-password",
            new { currentPassword = DemoAccounts.Password, newPassword = "Abcdefghijk1" })).ShouldBeValidationProblem();

        vietnamese.Errors["newPassword"].Should().Contain(m => m.Contains("quá phổ biến"));
        english.Errors["newPassword"].Should().Contain(m => m.Contains("predictable pattern"));
    }

    private async Task<IReadOnlyList<IdentityError>> ValidateAsync(string password)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = DemoAccounts.OfficerTanHoa.UserName, DisplayName = DemoAccounts.OfficerTanHoa.DisplayName };
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        return errors;
    }
}
