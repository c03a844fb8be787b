using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Commendations.Domain.Catalog;
using Commendations.Features.Decisions;
using Commendations.Features.Documents.Pdf;
using Commendations.Features.Documents.Signing;
using Microsoft.Extensions.Options;

namespace Commendations.Benchmarks;

/// <summary>
/// Issue 19's closing figures: generation time and size of a decision with 200 awardees (its list over about 15 pages),
/// and the time to sign it with a PKCS#12 certificate. No database: the decision's data is built in memory, as
/// <see cref="GetDecision"/> would return it. Usage: <c>-- decision-pdf [--runs 20]</c>.
/// </summary>
public static class DecisionPdfBenchmark
{
    public const string Suite = "decision-pdf";

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length >= 2 && args[0] == "--runs" ? int.Parse(args[1]) : 20;
        var decision = Decision(200);

        // The first build loads and parses the fonts and JIT-compiles the layout; it is reported on its own.
        var first = Stopwatch.StartNew();
        var pdf = DecisionPdf.Build(decision);
        first.Stop();

        var build = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            pdf = DecisionPdf.Build(decision);
            build.Add(watch.Elapsed.TotalMilliseconds);
        }

        var folder = Directory.CreateTempSubdirectory("decision-pdf-bench-").FullName;
        try
        {
            var signer = new Pkcs12DocumentSigner(Options.Create(new Pkcs12SigningOptions
            {
                Default = new Pkcs12Certificate { Path = SelfSigned(folder), Password = "bench" },
            }), TimeProvider.System);
            byte[] signed = await signer.SignAsync(pdf, new SignerIdentity("Ngô Đức Mạnh"), "Ký ban hành", "Lam Giang");
            var sign = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                signed = await signer.SignAsync(pdf, new SignerIdentity("Ngô Đức Mạnh"), "Ký ban hành", "Lam Giang");
                sign.Add(watch.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine($"Decision PDF, {decision.Awardees.Count} awardees, {runs} runs after a first one");
            Console.WriteLine($"  size unsigned   {pdf.Length / 1024.0:F1} KiB ({pdf.Length:N0} bytes)");
            Console.WriteLine($"  size signed     {signed.Length / 1024.0:F1} KiB ({signed.Length:N0} bytes)");
            Console.WriteLine($"  first build     {first.Elapsed.TotalMilliseconds:F0} ms (fonts loaded, code compiled)");
            Console.WriteLine($"  build           median {Median(build):F1} ms, min {build.Min():F1} ms, max {build.Max():F1} ms");
            Console.WriteLine($"  sign (PKCS#12)  median {Median(sign):F1} ms, min {sign.Min():F1} ms, max {sign.Max():F1} ms");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static DecisionDetail Decision(int awardees) =>
        new(Guid.NewGuid(), "215/QĐ-UBND", new DateOnly(2027, 1, 12), "Ngô Đức Mạnh", "Chủ tịch UBND tỉnh",
            "Đã có thành tích xuất sắc trong thực hiện Quy chế dân chủ ở cơ sở năm 2026", "Ủy ban nhân dân tỉnh Lam Giang", "Lam Giang",
            DateTimeOffset.UtcNow,
            Enumerable.Range(1, awardees).Select(i => new DecisionAwardee(Guid.NewGuid(), $"Nguyễn Thị Ánh Tuyết {i:D3}",
                i <= awardees / 4 ? NomineeKind.Collective : NomineeKind.Individual,
                i % 3 == 0 ? "Trường Trung học cơ sở Lê Quý Đôn, phường Đông Xuyên" : "UBND xã Tân Hòa",
                "Bằng khen của Chủ tịch UBND tỉnh", "Thi đua thực hiện Quy chế dân chủ ở cơ sở năm 2026")
            {
                ListedName = i <= awardees / 4 ? $"Tổ dân phố số {i}, phường Đông Xuyên" : $"Bà Nguyễn Thị Ánh Tuyết {i:D3}",
            }).ToList())
        {
            IssuerHeading = "ỦY BAN NHÂN DÂN TỈNH LAM GIANG",
            PlaceAndDate = "Lam Giang, ngày 12 tháng 01 năm 2027",
            AuthorityLine = "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAM GIANG",
            SignatureLines = ["CHỦ TỊCH"],
            LegalBasis =
            [
                "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
                "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
            ],
            ProposalLine = "Theo đề nghị của Giám đốc Sở Nội vụ.",
            Subject = "Về việc tặng Bằng khen của Chủ tịch UBND tỉnh",
            ArticleOne = "Tặng Bằng khen của Chủ tịch UBND tỉnh cho 50 tập thể và 150 cá nhân có tên trong danh sách sau, "
                         + "đã có thành tích xuất sắc trong thực hiện Quy chế dân chủ ở cơ sở năm 2026:",
            ExecutionLine = "Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
            Recipients = ["Như Điều 3;", "Lưu: VT, SNV."],
        };

    /// <summary>A throwaway self-signed signer: the benchmark measures signing, not trust.</summary>
    private static string SelfSigned(string folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Ngô Đức Mạnh, O=Commendations benchmark", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var path = Path.Combine(folder, "bench.p12");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, "bench"));
        return path;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
