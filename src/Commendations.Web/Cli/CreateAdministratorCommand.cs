using System.Globalization;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Users;
using Commendations.Features.Admin.Users;
using Commendations.Seeding;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace Commendations.Web.Cli;

/// <summary>
/// `create-admin --user-name NAME --display-name "FULL NAME" [--title TITLE] [--lang en]`: the first administrator of an
/// empty production database. An installation has reference data but no account, and every account is created by an
/// administrator, so someone with access to the server (and its configuration) creates the first one here. It goes
/// through the same use case as the administrator's page (validation, password rules, audit entry), acting as the
/// installation itself, and refuses while any administrator account is unlocked: after that, accounts are the
/// administrators' business, with their trail. Prints a temporary password once.
/// </summary>
public static class CreateAdministratorCommand
{
    public const string Name = "create-admin";

    /// <summary>Who the audit trail names for the account created here.</summary>
    private static readonly FixedCurrentUser Installer =
        new(FixedCurrentUser.SystemUserId, "Cài đặt ban đầu (dòng lệnh trên máy chủ)", new HashSet<string> { Roles.Administrator }, null);

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output)
    {
        string? userName = null, displayName = null, title = null;
        var culture = CultureInfo.GetCultureInfo("vi-VN");
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--user-name" && i + 1 < args.Count) userName = args[++i];
            else if (args[i] == "--display-name" && i + 1 < args.Count) displayName = args[++i];
            else if (args[i] == "--title" && i + 1 < args.Count) title = args[++i];
            else if (args[i] == "--lang" && i + 1 < args.Count) culture = CultureInfo.GetCultureInfo(args[++i] == "en" ? "en-US" : "vi-VN");
        }
        CultureInfo.CurrentUICulture = culture;
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrWhiteSpace(displayName))
        {
            output.WriteLine(new Message("Cách dùng: {0} --user-name <tên đăng nhập> --display-name \"<họ và tên>\" [--title \"<chức vụ>\"] [--lang vi|en]", Name).Format());
            return 2;
        }

        await DatabaseInitializer.MigrateAsync(services);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var administrators = await users.GetUsersInRoleAsync(Roles.Administrator);
        if (administrators.FirstOrDefault(a => a.LockoutEnd is null || a.LockoutEnd <= DateTimeOffset.UtcNow) is { } existing)
        {
            output.WriteLine(new Message("Đã có tài khoản quản trị “{0}” đang hoạt động; các tài khoản khác do quản trị viên tạo trong trang Quản trị › Người dùng và vai trò. Không tạo gì thêm.",
                existing.UserName ?? "").Format());
            return 1;
        }

        using var actor = StartupActor.Use(Installer);
        try
        {
            var created = await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new CreateUser(userName.Trim(), displayName, title, UnitId: null, [Roles.Administrator]));
            output.WriteLine(new Message("Đã tạo tài khoản quản trị “{0}”. Mật khẩu tạm thời: {1}", created.UserName, created.TemporaryPassword).Format());
            output.WriteLine(new Message("Đăng nhập và đổi mật khẩu ngay tại trang /doi-mat-khau; mật khẩu này không được in lại.").Format());
            return 0;
        }
        catch (InputException refused)
        {
            foreach (var (field, reasons) in refused.Errors)
                output.WriteLine($"{FieldLabel(field)}: {string.Join(" ", reasons)}");
            return 1;
        }
    }

    /// <summary>The refused field as the person typed it on the command line.</summary>
    private static string FieldLabel(string field) => field switch
    {
        "userName" => "--user-name",
        "displayName" => "--display-name",
        "title" => "--title",
        _ => field,
    };
}
