namespace Commendations.Web.Pages.Admin;

public sealed class IndexModel : AdminPageModel
{
    public void OnGet()
    {
    }
}
