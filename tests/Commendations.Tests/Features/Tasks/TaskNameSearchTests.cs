using Commendations.Features.Tasks;
using Commendations.Persistence;
using Commendations.Seeding;
using Commendations.Testing;
using Commendations.Tests.Features.Nominations;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Features.Tasks;

/// <summary>
/// The task list's search when the index looks up one rare word of the search alone (TrigramNarrowing over the tasks'
/// names): the same tasks as searching the whole text — without diacritics, the words in order, each person's own tasks.
/// 3,000 closed tasks share the search's first words, so ANALYZE's frequencies make the narrowing worth it.
/// </summary>
public class TaskNameSearchTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private const string Search = "to dan pho so quynh";

    [Fact]
    public async Task A_search_narrowed_to_its_rare_word_finds_exactly_the_open_tasks_the_whole_search_finds()
    {
        var steps = new NominationSteps(app);
        // A draft's task is its unit officer's (the unit's step), so each draft puts one open task in that officer's list.
        var match = await steps.DraftCollectiveAsync(name: "Tổ dân phố số Quỳnh Lâm");
        var wordsOutOfOrder = await steps.DraftCollectiveAsync(name: "Quỳnh, tổ dân phố số 5");
        var otherUnit = await steps.DraftCollectiveAsync(DemoAccounts.OfficerDongXuyen, "TỔ DÂN PHỐ SỐ QUỲNH ĐÔNG");
        await using (var db = app.CreateDbContext())
        {
            var template = await db.Tasks.Where(t => t.NominationId == wordsOutOfOrder).Select(t => t.Id).SingleAsync();
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO workflow_tasks
                SELECT (jsonb_populate_record(t, jsonb_build_object('id', gen_random_uuid(), 'task_key', t.task_key || '-copy-' || g,
                        'nominee_name', 'Tổ dân phố số ' || g, 'status', 'Closed', 'outcome', 'approve'))).*
                FROM workflow_tasks t, generate_series(1, 3000) g WHERE t.id = {template}
                """);
            await db.Database.ExecuteSqlRawAsync("ANALYZE workflow_tasks");
            (await TrigramNarrowing.PatternAsync(db, ListMyTasksHandler.NameTrigramStatistics, Search, default))
                .Should().Be("% quynh%", "the index looks up the rare word alone, not the 3,000 names' shared words");
        }

        var mine = await app.Send(DemoAccounts.OfficerTanHoa, new ListMyTasks(Search: Search));
        var theirs = await app.Send(DemoAccounts.OfficerDongXuyen, new ListMyTasks(Search: Search));

        mine.Tasks.Items.Select(t => t.NominationId).Should().Equal([match], "the words in another order do not match; closed tasks are not listed");
        mine.Tasks.TotalCount.Should().Be(1);
        theirs.Tasks.Items.Select(t => t.NominationId).Should().Equal([otherUnit], "upper case and diacritics do not matter; each officer sees their unit's");
    }
}
