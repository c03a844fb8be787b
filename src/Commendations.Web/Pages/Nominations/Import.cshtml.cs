using Commendations.Features.Campaigns;
using Commendations.Features.Imports;
using Commendations.Web.Ui;
using Microsoft.AspNetCore.Mvc;

namespace Commendations.Web.Pages.Nominations;

/// <summary>
/// "Nhập danh sách từ Excel": the officer downloads the campaign's template, uploads the filled file to preview every
/// row and problem, then imports all rows as drafts (or none). The previewed file travels back in the commit form, so
/// nothing is kept on the server between the two steps.
/// </summary>
public sealed class ImportModel : AppPageModel
{
    [BindProperty] public Guid? CampaignId { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? FileData { get; set; }
    [BindProperty] public string? FileName { get; set; }

    public IReadOnlyList<CampaignView> Campaigns { get; private set; } = [];
    public ImportOutcome? Preview { get; private set; }

    public async Task OnGetAsync(Guid? campaignId)
    {
        await LoadAsync();
        CampaignId = campaignId is { } id && Campaigns.Any(c => c.Id == id) ? id : Campaigns.FirstOrDefault()?.Id;
    }

    public async Task<IActionResult> OnGetTemplateAsync(Guid campaignId)
    {
        var file = await Mediator.Send(new GetNomineeListTemplate(campaignId));
        return File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        await LoadAsync();
        if (Upload is null)
        {
            ModelState.AddModelError("", T["Chọn tệp Excel (.xlsx) để tải lên."]);
            return Page();
        }
        await using var stream = new MemoryStream();
        await Upload.CopyToAsync(stream);
        var bytes = stream.ToArray();
        if (await TryAsync(async () => Preview = await Mediator.Send(new ImportNomineeList(CampaignId ?? Guid.Empty, Upload.FileName, bytes, Commit: false)), ""))
        {
            FileData = Convert.ToBase64String(bytes);
            FileName = Upload.FileName;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync()
    {
        await LoadAsync();
        byte[] bytes;
        try { bytes = Convert.FromBase64String(FileData ?? ""); }
        catch (FormatException) { bytes = []; }
        ImportOutcome? outcome = null;
        if (!await TryAsync(async () => outcome = await Mediator.Send(new ImportNomineeList(CampaignId ?? Guid.Empty, FileName ?? "", bytes, Commit: true)), ""))
            return Page();
        Flash = string.Format(T["Đã nhập {0} đề nghị ở trạng thái đang soạn."], outcome!.NominationIds.Count);
        return Redirect("/de-nghi");
    }

    private async Task LoadAsync() =>
        Campaigns = (await Mediator.Send(new ListCampaigns())).Where(c => c.OpenForDossiers).ToList();
}
