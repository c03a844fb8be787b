using Commendations.Engine;
using Commendations.Common.Security;
using Commendations.Features.Decisions;
using Commendations.Features.Nominations;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Decisions;

/// <summary>The provincial leader signs one decision for a batch of nominations waiting at the decision step.</summary>
[Authorize(Roles = Roles.ProvincialLeader)]
public sealed class IssueModel(HeaderUser user, TimeProvider clock) : AppPageModel
{
    [BindProperty] public DecisionInput Input { get; set; } = new();

    public IReadOnlyList<InboxItem> Waiting { get; private set; } = [];

    public string[] FieldKeys => ["Input.number", "Input.date", "Input.signerName", "Input.signerTitle", "Input.citation", "Input.nominationIds", "Input.capacity"];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input.Date = VietnamTime.Today(clock);
        // The decision is written in Vietnamese whatever the UI language: the signer's own title from their account.
        var me = await user.GetAsync();
        Input.SignerName = me?.DisplayName;
        Input.SignerTitle = me?.Title;
        Input.Capacity = Domain.Decisions.SignerCapacities.Infer(me?.Title);
        Input.NominationIds = Waiting.Select(w => w.NominationId).ToList();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid)
            return Page();
        DecisionIssued? issued = null;
        var ok = await TryAsync(async () => issued = await Mediator.Send(new IssueDecision(
            Input.Number?.Trim() ?? "", Input.Date ?? default, Input.SignerName ?? "", Input.SignerTitle ?? "", Input.Citation ?? "",
            Input.NominationIds.Distinct().ToList(), Capacity: Input.Capacity)));
        if (!ok)
            return Page();
        // A decision whose route requires signatures is issued but not yet in force: nobody is awarded until it is signed.
        Flash = issued!.AwaitsSignatures
            ? T["Đã ban hành quyết định {0}; quyết định có hiệu lực khi được ký số đủ.", issued.Number]
            : T["Đã ban hành quyết định {0} cho {1} hồ sơ.", issued.Number, issued.Awarded];
        return Redirect($"/quyet-dinh/{issued.DecisionId}");
    }

    private async Task LoadAsync() =>
        Waiting = (await Mediator.Send(new GetInbox())).Where(i => i.StepMeaning == Engine.StepMeaning.Decision).ToList();

    public sealed class DecisionInput
    {
        public string? Number { get; set; }
        public DateOnly? Date { get; set; }
        public string? SignerName { get; set; }
        public string? SignerTitle { get; set; }
        public string? Citation { get; set; }
        public Domain.Documents.SignerCapacity? Capacity { get; set; }
        public List<Guid> NominationIds { get; set; } = [];
    }
}
