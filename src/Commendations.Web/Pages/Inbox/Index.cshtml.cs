using Commendations.Features.Nominations;
using Commendations.Web.Ui;

namespace Commendations.Web.Pages.Inbox;

/// <summary>The tasks where it is my turn, soonest due first (the query's order), overdue ones highlighted.</summary>
public sealed class IndexModel : AppPageModel
{
    public IReadOnlyList<InboxItem> Items { get; private set; } = [];

    public async Task OnGetAsync() => Items = await Mediator.Send(new GetInbox());
}
