using System.Diagnostics;
using Commendations.Domain.Users;
using Commendations.Persistence;
using Commendations.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Commendations.Web.Tests.Cli;

/// <summary>
/// An empty production database has no account: `create-admin` on the server creates the first administrator through
/// the same use case as the administrators' page, once, and refuses after that.
/// </summary>
public class CreateAdministratorCommandTests
{
    [Fact]
    public async Task The_first_administrator_is_created_once_audited_and_can_sign_in_with_the_printed_password()
    {
        var connectionString = await EmptyDatabaseAsync();

        var (code, output) = await RunAsync(connectionString, "create-admin", "--user-name", "quantri.tinh", "--display-name", "Lê Thị Hồng");

        code.Should().Be(0, output);
        output.Should().Contain("Đã tạo tài khoản quản trị “quantri.tinh”. Mật khẩu tạm thời: ");
        var password = output.Split("Mật khẩu tạm thời: ")[1].Split('\n')[0].Trim();
        password.Should().HaveLength(12);
        await using (var db = Context(connectionString))
        {
            var account = await db.Users.SingleAsync();
            account.UserName.Should().Be("quantri.tinh");
            account.DisplayName.Should().Be("Lê Thị Hồng");
            var roles = await db.UserRoles.Where(r => r.UserId == account.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
            roles.Should().Equal("administrator");
            (await db.AuditEntries.Where(e => e.Action == "user.created").Select(e => e.ActorName).ToListAsync()).Should().Equal(["Cài đặt ban đầu (dòng lệnh trên máy chủ)"], "the account's creation is in the trail like any other, naming who made it");
            new Microsoft.AspNetCore.Identity.PasswordHasher<AppUser>().VerifyHashedPassword(account, account.PasswordHash!, password)
                .Should().NotBe(Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed, "the printed password is the account's");
        }

        var (again, refusal) = await RunAsync(connectionString, "create-admin", "--user-name", "quantri.khac", "--display-name", "Người khác");
        again.Should().Be(1);
        refusal.Should().Contain("Đã có tài khoản quản trị “quantri.tinh” đang hoạt động").And.Contain("Không tạo gì thêm.");
        await using (var db = Context(connectionString))
            (await db.Users.CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task A_bad_user_name_is_refused_on_its_option_and_creates_nothing()
    {
        var connectionString = await EmptyDatabaseAsync();

        var (code, output) = await RunAsync(connectionString, "create-admin", "--user-name", "Quản Trị", "--display-name", "Lê Thị Hồng", "--lang", "en");

        code.Should().Be(1);
        output.Should().Contain("--user-name: ").And.Contain("Use lower-case letters without accents");
        await using var db = Context(connectionString);
        (await db.Users.AnyAsync()).Should().BeFalse();
        (await RunAsync(connectionString, "create-admin", "--user-name", "quantri")).Output.Should().Contain("Cách dùng: create-admin --user-name");
    }

    private static async Task<string> EmptyDatabaseAsync()
    {
        var name = "create_admin_" + Guid.NewGuid().ToString("N")[..8];
        await using var admin = new NpgsqlConnection(TestCluster.Server.ConnectionString());
        await admin.OpenAsync();
        await new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0", admin).ExecuteNonQueryAsync();
        return TestCluster.Server.ConnectionString(name);
    }

    private static CommendationsDbContext Context(string connectionString) =>
        new(new DbContextOptionsBuilder<CommendationsDbContext>().UseCommendationsDatabase(connectionString).Options);

    /// <summary>The published app as an operator runs it: Production, the configured database, the audit key set.</summary>
    private static async Task<(int Code, string Output)> RunAsync(string connectionString, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["ConnectionStrings__Commendations"] = connectionString;
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Audit__HeadKey"] = TestAuditKey.HeadKey;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token);
        return (process.ExitCode, await output + await errors);
    }
}
