using Commendations.Features.Nominations;
using Commendations.Persistence;
using Commendations.Seeding;
using Commendations.Testing;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Tests.Features.Nominations;

/// <summary>
/// The nominations search when the index looks up one rare word of the search alone (TrigramNarrowing): the same
/// results as searching the whole text — without diacritics, any case, the words in order, each user's scope, count
/// and paging. 3,000 names share the search's first words, so ANALYZE's frequencies make the narrowing worth it.
/// </summary>
public class NameSearchTests(LifecycleHarness app) : IClassFixture<LifecycleHarness>
{
    private const string Search = "to dan pho so quynh";

    [Fact]
    public async Task A_search_narrowed_to_its_rare_word_finds_exactly_what_the_whole_search_finds_in_each_scope()
    {
        var steps = new NominationSteps(app);
        var template = await steps.DraftCollectiveAsync(name: "Tổ dân phố số 0");
        await using (var db = app.CreateDbContext())
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO nominations (id, kind, person_id, collective_id, nominee_name, unit_id, campaign_id, award_form_id, achievement_summary,
                                         status, current_step, round, workflow_instance_id, decision_id, created_by, created_at, submitted_at, completed_at)
                SELECT gen_random_uuid(), kind, person_id, collective_id, 'Tổ dân phố số ' || g, unit_id, campaign_id, award_form_id, achievement_summary,
                       status, current_step, round, NULL, NULL, created_by, created_at, submitted_at, completed_at
                FROM nominations, generate_series(1, 3000) g WHERE id = {template}
                """);
        var submitted = await steps.DraftCollectiveAsync(name: "Tổ dân phố số Quỳnh Lâm");
        await steps.AttachRequiredDocumentsAsync(submitted);
        await app.Send(DemoAccounts.OfficerTanHoa, new SubmitNomination(submitted, "Kính trình Ban Chỉ đạo."));
        app.Clock.Advance(TimeSpan.FromHours(1)); // newest first: the draft is the later one
        var draft = await steps.DraftCollectiveAsync(name: "TỔ DÂN PHỐ SỐ QUỲNH 2");
        var otherUnits = await steps.DraftCollectiveAsync(DemoAccounts.OfficerDongXuyen, "Tổ dân phố số Quỳnh Đông");
        await steps.DraftCollectiveAsync(name: "Quỳnh, tổ dân phố số 5");
        await using (var db = app.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE nominations");
            (await TrigramNarrowing.PatternAsync(db, ListNominationsHandler.NameTrigramStatistics, Search, default))
                .Should().Be("% quynh%", "the index looks up the rare word alone, not the 3,000 names' shared words");
        }

        var officer = await app.Send(DemoAccounts.OfficerTanHoa, new ListNominations(Search: Search));
        var otherOfficer = await app.Send(DemoAccounts.OfficerDongXuyen, new ListNominations(Search: Search));
        var reviewer = await app.Send(DemoAccounts.SteeringStandingMember, new ListNominations(Search: Search));
        var first = await app.Send(DemoAccounts.OfficerTanHoa, new ListNominations(Search: Search, PageSize: 1));
        var second = await app.Send(DemoAccounts.OfficerTanHoa, new ListNominations(Search: Search, Page: 2, PageSize: 1));

        officer.Items.Select(n => n.Id).Should().Equal([draft, submitted], "own unit's, newest first; the words in another order do not match");
        officer.TotalCount.Should().Be(2);
        otherOfficer.Items.Select(n => n.Id).Should().Equal(otherUnits);
        reviewer.Items.Select(n => n.Id).Should().Equal([submitted], "a reviewer sees submitted nominations, not drafts");
        first.Items.Select(n => n.Id).Should().Equal([draft]);
        second.Items.Select(n => n.Id).Should().Equal([submitted]);
        (first.TotalCount, second.TotalCount, first.IsCountCapped).Should().Be((2, 2, false));
    }

    [Fact]
    public void The_words_give_the_index_only_the_trigrams_their_pattern_has()
    {
        var words = TrigramNarrowing.Words(" Tập thể số 77777 ");

        words.Select(w => w.Fragment).Should().Equal("Tập ", " thể ", " số ", " 77777");
        words[0].Trigrams.Should().BeEquivalentTo(["tap", "ap "], "nothing stands before the first word: % may join it to other letters");
        words[3].Trigrams.Should().BeEquivalentTo(["  7", " 77", "777"]);
        TrigramNarrowing.Choose(words, t => t.Contains('7') ? 0.001 : 1.0).Should().Be("% 77777%");
        TrigramNarrowing.Choose(words, _ => 0.2).Should().BeNull("no word is rare enough to pay for its candidates' recheck");
        TrigramNarrowing.Choose([new SearchWord("x ", []), new SearchWord(" y ", [])], _ => 0).Should().BeNull("no word has a trigram to look up");
    }
}
