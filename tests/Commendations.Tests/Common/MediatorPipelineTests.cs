using Commendations.Common.Errors;
using Commendations.Domain.Units;
using Commendations.Common.Security;
using Commendations.Features.Admin.Units;
using Commendations.Testing;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commendations.Tests.Common;

public class MediatorPipelineTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection()
        .AddLogging()
        .AddCommendations(database.ConnectionString, demoScopes: true)
        .AddTestAuditKey()
        .AddScoped<ICurrentUser>(_ => new FixedCurrentUser(Guid.NewGuid(), "Quản trị", new HashSet<string> { Roles.Administrator }, null))
        .BuildServiceProvider();

    private async Task<T> Send<T>(IRequest<T> request)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    [Fact]
    public async Task Invalid_input_is_refused_with_every_field_and_nothing_is_saved()
    {
        var create = () => Send(new AddUnit("bad code", "", UnitLevel.Commune, null, null));

        var error = (await create.Should().ThrowAsync<InputException>()).Which;
        error.Errors.Keys.Should().BeEquivalentTo("code", "name", "parentId");
        await using var db = database.CreateDbContext();
        (await db.Units.AnyAsync(u => u.Code == "bad code")).Should().BeFalse();
    }

    [Fact]
    public async Task A_command_commits_its_changes()
    {
        var province = await Send(new AddUnit("P-1", "UBND tỉnh Lam Giang", UnitLevel.Province, null, null));
        var commune = await Send(new AddUnit("P-1-XTH", "UBND xã Tân Hòa", UnitLevel.Commune, province, null));

        await using var db = database.CreateDbContext();
        (await db.Units.SingleAsync(u => u.Id == commune)).ParentId.Should().Be(province);
    }

    [Fact]
    public async Task A_duplicate_code_is_a_field_error()
    {
        await Send(new AddUnit("DUP-1", "One", UnitLevel.Province, null, null));

        var again = () => Send(new AddUnit("DUP-1", "Two", UnitLevel.Province, null, null));

        (await again.Should().ThrowAsync<InputException>()).Which.Errors.Should().ContainKey("code");
    }

    [Fact]
    public async Task A_stale_edit_is_a_conflict_and_leaves_the_row_unchanged()
    {
        var id = await Send(new AddUnit("STALE-1", "Original", UnitLevel.Province, null, null));
        uint seen;
        await using (var db = database.CreateDbContext())
            seen = (await db.Units.SingleAsync(u => u.Id == id)).Version;
        await Send(new ChangeUnit(id, "Edited first", null, null, seen));

        var stale = () => Send(new ChangeUnit(id, "Edited from a stale page", null, null, seen));

        (await stale.Should().ThrowAsync<ConflictException>()).Which.Code.Should().Be("concurrent-change");
        await using var check = database.CreateDbContext();
        (await check.Units.SingleAsync(u => u.Id == id)).Name.Should().Be("Edited first");
    }

    [Fact]
    public async Task Renaming_a_missing_unit_is_not_found()
    {
        var rename = () => Send(new ChangeUnit(Guid.NewGuid(), "Name", null, null, 1));

        await rename.Should().ThrowAsync<NotFoundException>();
    }

    public void Dispose() => _services.Dispose();
}
