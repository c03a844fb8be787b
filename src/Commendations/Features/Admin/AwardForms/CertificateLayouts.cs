using Commendations.Audit;
using Commendations.Common;
using Commendations.Common.Behaviours;
using Commendations.Common.Errors;
using Commendations.Common.Security;
using Commendations.Common.Text;
using Commendations.Domain.Catalog;
using Commendations.Persistence;
using FluentValidation;
using FluentValidation.Results;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Commendations.Features.Admin.AwardForms;

/// <summary>Where an award form's certificates print on its blank (the default A4 landscape layout until one is saved).</summary>
[Allowed(Roles.Administrator)]
public sealed record GetCertificateLayout(Guid AwardFormId) : IQuery<CertificateLayoutView>;

/// <summary>The layout, and whether it is the form's own or the default.</summary>
public sealed record CertificateLayoutView(Guid AwardFormId, string AwardFormName, string CertificateTitle, bool IsDefault, CertificateLayout Layout);

/// <summary>An administrator places the certificate's fields on the award form's blank: paper, orientation, every field once.</summary>
[Allowed(Roles.Administrator)]
public sealed record SaveCertificateLayout(Guid AwardFormId, CertificateLayout Layout) : ICommand<CertificateLayoutView>;

public sealed class SaveCertificateLayoutValidator : AbstractValidator<SaveCertificateLayout>
{
    public SaveCertificateLayoutValidator()
    {
        RuleFor(c => c.Layout).NotNull();
        RuleFor(c => c.Layout).Custom((layout, context) =>
        {
            if (layout is null)
                return;
            foreach (var failure in Check(layout))
                context.AddFailure(failure);
        });
    }

    /// <summary>Each field's problem on its own input ("layout.fields[2].leftMm"), naming the field as the page does.</summary>
    private static IEnumerable<ValidationFailure> Check(CertificateLayout layout)
    {
        if (!Enum.IsDefined(layout.Paper))
            yield return Failure("Layout.Paper", new Message("Chọn khổ giấy A4 hoặc A3."));
        if (!Enum.IsDefined(layout.Orientation))
            yield return Failure("Layout.Orientation", new Message("Chọn khổ ngang hoặc khổ dọc."));
        var fields = (layout.Fields ?? []).Where(p => p is not null).ToList();
        var missing = Enum.GetValues<CertificateField>().Where(f => fields.Count(p => p.Field == f) != 1).ToList();
        if (missing.Count > 0 || fields.Count != Enum.GetValues<CertificateField>().Length)
            yield return Failure("Layout.Fields", new Message("Mỗi trường của bằng phải có đúng một vị trí; thiếu hoặc trùng: {0}.",
                Message.List(missing.Select(CertificateFieldNames.Of))));
        double width = layout.WidthMm, height = layout.HeightMm;
        for (var i = 0; i < fields.Count; i++)
        {
            var p = fields[i];
            if (!Enum.IsDefined(p.Field))
                continue;
            var name = CertificateFieldNames.Of(p.Field);
            var at = $"Layout.Fields[{i}].";
            // Written as what must hold, so a missing number (NaN) fails it too.
            if (!(p.LeftMm >= 0 && p.LeftMm < width))
                yield return Failure(at + "LeftMm", new Message("{0}: cách mép trái phải từ 0 đến dưới {1} mm (chiều rộng của phôi).", name, width));
            else if (!(p.WidthMm >= 10 && p.LeftMm + p.WidthMm <= width))
                yield return Failure(at + "WidthMm", new Message("{0}: chiều rộng từ 10 mm và không vượt mép phải của phôi (tối đa {1} mm từ vị trí này).",
                    name, Math.Max(0, width - p.LeftMm)));
            if (!(p.TopMm >= 0 && p.TopMm + (double.IsFinite(p.FontSize) ? p.FontSize : 0) * MmPerPoint <= height))
                yield return Failure(at + "TopMm", new Message("{0}: cách mép trên phải từ 0 mm và dòng chữ phải nằm trong phôi (chiều cao {1} mm).", name, height));
            if (!(p.FontSize >= CertificateLayout.MinFontSize && p.FontSize <= CertificateLayout.MaxFontSize))
                yield return Failure(at + "FontSize", new Message("{0}: cỡ chữ từ {1} đến {2} pt.", name, CertificateLayout.MinFontSize, CertificateLayout.MaxFontSize));
            if (!Enum.IsDefined(p.Align))
                yield return Failure(at + "Align", new Message("{0}: chọn căn trái, căn giữa hoặc căn phải.", name));
        }
    }

    private const double MmPerPoint = 25.4 / 72;

    private static ValidationFailure Failure(string property, Message message) =>
        new(property, message.ToString()) { CustomState = message };
}

public sealed class GetCertificateLayoutHandler(CommendationsDbContext db) : IRequestHandler<GetCertificateLayout, CertificateLayoutView>
{
    public async Task<CertificateLayoutView> Handle(GetCertificateLayout request, CancellationToken cancellationToken)
    {
        var form = await db.AwardForms.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.AwardFormId, cancellationToken)
                   ?? throw new NotFoundException(Things.AwardForm);
        return CertificateLayouts.View(form);
    }
}

public sealed class SaveCertificateLayoutHandler(CommendationsDbContext db, AuditTrail audit) : IRequestHandler<SaveCertificateLayout, CertificateLayoutView>
{
    public async Task<CertificateLayoutView> Handle(SaveCertificateLayout request, CancellationToken cancellationToken)
    {
        var form = await db.AwardForms.SingleOrDefaultAsync(a => a.Id == request.AwardFormId, cancellationToken)
                   ?? throw new NotFoundException(Things.AwardForm);
        var before = form.CertificateLayout;
        // Stored in the order of the fields' list, whatever order they came in.
        var layout = request.Layout with { Fields = request.Layout.Fields.OrderBy(f => f.Field).ToList() };
        form.PlaceCertificateFields(layout);
        await audit.RecordAsync(AdminAccess.AwardFormsStream, "award-form.changed",
            data: new { form.Id, form.Code, Before = new { CertificateLayout = before }, After = new { CertificateLayout = layout } },
            cancellationToken: cancellationToken);
        return CertificateLayouts.View(form);
    }
}

internal static class CertificateLayouts
{
    public static CertificateLayoutView View(AwardForm form) =>
        new(form.Id, form.Name, form.CertificateTitle, form.CertificateLayout is null, form.EffectiveCertificateLayout);
}

/// <summary>A certificate field as the layout page and the refusals name it.</summary>
public static class CertificateFieldNames
{
    public static Message Of(CertificateField field) => field switch
    {
        CertificateField.NomineeName => new Message("Tên người, tập thể được khen"),
        CertificateField.UnitName => new Message("Đơn vị"),
        CertificateField.Citation => new Message("Thành tích"),
        CertificateField.DecisionLine => new Message("Số và ngày quyết định"),
        CertificateField.RegisterNumber => new Message("Số sổ vàng"),
        CertificateField.PlaceAndDate => new Message("Địa danh, ngày tháng"),
        CertificateField.SignerTitle => new Message("Chức vụ người ký"),
        CertificateField.SignerName => new Message("Họ tên người ký"),
        _ => new Message("Trường khác"),
    };
}
