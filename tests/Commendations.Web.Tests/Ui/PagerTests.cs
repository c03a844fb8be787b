using Commendations.Web.Ui;

namespace Commendations.Web.Tests.Ui;

/// <summary>The lists' pager stays short however many pages there are: first, last, and two either side of the current page.</summary>
public sealed class PagerTests
{
    [Fact]
    public void Few_pages_are_all_shown() =>
        Pager.PagesShown(2, 4).Should().Equal(1, 2, 3, 4);

    [Fact]
    public void Many_pages_show_the_ends_and_the_neighbourhood_of_the_current_page_with_gaps_marked()
    {
        Pager.PagesShown(50, 400).Should().Equal(1, null, 48, 49, 50, 51, 52, null, 400);
        Pager.PagesShown(1, 400).Should().Equal(1, 2, 3, null, 400);
        Pager.PagesShown(400, 400).Should().Equal(1, null, 398, 399, 400);
        Pager.PagesShown(4, 10).Should().Equal(1, 2, 3, 4, 5, 6, null, 10);
    }
}
