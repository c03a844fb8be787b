using System.Globalization;
using System.Text;

namespace Commendations.Features.Documents.Signing;

/// <summary>
/// What the agency's seal signature shows: a red round stamp — two rings and the five-pointed star at its centre, as a
/// Vietnamese agency's seal has — drawn with vector paths only, so the appearance needs no font and prints at any size.
/// The words around the ring of a real seal are left out: the certificate in the signature names the agency.
/// </summary>
internal static class SealAppearance
{
    /// <summary>The Form XObject as "dictionary entries|content stream" for <see cref="IncrementalSignature"/>.</summary>
    public static string Form(double width, double height)
    {
        var side = Math.Min(width, height);
        var (cx, cy) = (width / 2, height / 2);
        var content = new StringBuilder("q 0.78 0.06 0.06 RG 0.78 0.06 0.06 rg\n");
        content.Append(Invariant($"{side * 0.03:0.##} w\n"));
        Circle(content, cx, cy, side / 2 - side * 0.03);
        content.Append("S\n");
        Circle(content, cx, cy, side * 0.36);
        content.Append("S\n");
        Star(content, cx, cy, side * 0.22);
        content.Append("f\nQ");
        return "stream:" + Invariant($"/Type/XObject/Subtype/Form/BBox[0 0 {width:0.###} {height:0.###}]/Resources<<>>|") + content;
    }

    /// <summary>A circle as four Bézier quarters (the usual 0.5523 control distance).</summary>
    private static void Circle(StringBuilder path, double cx, double cy, double r)
    {
        var k = 0.5523 * r;
        path.Append(Invariant($"{cx + r:0.##} {cy:0.##} m\n"));
        path.Append(Invariant($"{cx + r:0.##} {cy + k:0.##} {cx + k:0.##} {cy + r:0.##} {cx:0.##} {cy + r:0.##} c\n"));
        path.Append(Invariant($"{cx - k:0.##} {cy + r:0.##} {cx - r:0.##} {cy + k:0.##} {cx - r:0.##} {cy:0.##} c\n"));
        path.Append(Invariant($"{cx - r:0.##} {cy - k:0.##} {cx - k:0.##} {cy - r:0.##} {cx:0.##} {cy - r:0.##} c\n"));
        path.Append(Invariant($"{cx + k:0.##} {cy - r:0.##} {cx + r:0.##} {cy - k:0.##} {cx + r:0.##} {cy:0.##} c\n"));
    }

    /// <summary>A five-pointed star, one point up: outer and inner vertices alternating.</summary>
    private static void Star(StringBuilder path, double cx, double cy, double r)
    {
        for (var i = 0; i < 10; i++)
        {
            var radius = i % 2 == 0 ? r : r * 0.382;
            var angle = Math.PI / 2 + i * Math.PI / 5;
            path.Append(Invariant($"{cx + radius * Math.Cos(angle):0.##} {cy + radius * Math.Sin(angle):0.##} {(i == 0 ? "m" : "l")}\n"));
        }
        path.Append("h\n");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
