using Commendations.Common.Security;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages;

/// <summary>The home address sends each user to where their work is.</summary>
public sealed class IndexModel : AppPageModel
{
    public IActionResult OnGet()
    {
        if (User.IsInRole(Roles.EmulationOfficer))
            return Redirect("/de-nghi");
        if (User.IsInRole(Roles.CommitteeMember) || User.IsInRole(Roles.Appraiser) || User.IsInRole(Roles.ProvincialLeader))
            return Redirect("/viec-can-xu-ly");
        return Redirect("/de-nghi");
    }
}
