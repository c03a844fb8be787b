using Commendations.Domain.Catalog;
using Commendations.Domain.Decisions;
using Commendations.Domain.Documents;
using Commendations.Domain.Nominees;
using Commendations.Features.Sessions;

namespace Commendations.Tests.Features.Documents;

/// <summary>The forms Decree 30/2020/NĐ-CP prescribes for dates and numbers, and the decision's words by kind, count and sex.</summary>
public class DocumentFormsTests
{
    [Theory]
    [InlineData(2026, 1, 5, "ngày 05 tháng 01 năm 2026")]
    [InlineData(2026, 3, 15, "ngày 15 tháng 3 năm 2026")]
    [InlineData(2026, 2, 28, "ngày 28 tháng 02 năm 2026")]
    [InlineData(2025, 12, 9, "ngày 09 tháng 12 năm 2025")]
    [InlineData(2025, 10, 31, "ngày 31 tháng 10 năm 2025")]
    public void Days_below_10_and_the_months_1_and_2_take_a_leading_zero(int year, int month, int day, string expected) =>
        VietnameseDates.Long(new DateOnly(year, month, day)).Should().Be(expected);

    [Theory]
    [InlineData("05/QĐ-UBND", true)]
    [InlineData("215/QĐ-UBND", true)]
    [InlineData("10/QĐ-UBND", true)]
    [InlineData("5/QĐ-UBND", false)]
    [InlineData("005/QĐ-UBND", false)]
    [InlineData("010/QĐ-UBND", false)]
    [InlineData("05/QD-UBND", false)]
    public void A_decision_number_is_written_as_the_decree_writes_it(string text, bool accepted)
    {
        DecisionNumber.TryParse(text, out var number).Should().Be(accepted);
        if (accepted)
            number.ToString().Should().Be(text);
    }

    [Fact]
    public void A_refused_number_says_what_to_write_and_why()
    {
        DecisionNumber.Check("5/QĐ-UBND", out _)!.Format(new System.Globalization.CultureInfo("vi-VN"))
            .Should().Be("Số văn bản nhỏ hơn 10 phải ghi thêm số 0 phía trước (Nghị định 30/2020/NĐ-CP, Phụ lục I, Phần I, mục II, khoản 3 điểm c): viết 05/QĐ-UBND.");
        MinutesNumbers.Check("5/BB-HĐTĐKT").Should().NotBeNull();
        MinutesNumbers.Check("05/BB-HĐTĐKT").Should().BeNull();
    }

    private static WordedAwardee Collective(string name) => new(NomineeKind.Collective, name);
    private static WordedAwardee Person(string name, Gender? gender) => new(NomineeKind.Individual, name, gender, "Xã Tân Hòa");

    [Fact]
    public void The_decision_names_whom_it_awards_by_kind_and_count_and_a_person_by_the_honorific_of_their_sex()
    {
        DecisionWording.Recipients([Collective("A")]).Should().Be("01 tập thể");
        DecisionWording.Recipients([Collective("A"), Person("B", Gender.Male), Person("C", Gender.Female)]).Should().Be("01 tập thể và 02 cá nhân");
        DecisionWording.Recipients([.. Enumerable.Range(1, 15).Select(i => Collective($"T{i}")), .. Enumerable.Range(1, 15).Select(i => Person($"P{i}", Gender.Male))])
            .Should().Be("15 tập thể và 15 cá nhân");
        DecisionWording.Recipients([Person("B", Gender.Male), Person("C", Gender.Female)]).Should().Be("02 cá nhân");
        DecisionWording.Recipients([Collective("A"), Person("B", Gender.Male), new WordedAwardee(NomineeKind.Household, "Hộ ông D")])
            .Should().Be("01 tập thể, 01 cá nhân và 01 hộ gia đình");

        DecisionWording.ListedName(Person("Lê Văn Khải", Gender.Male)).Should().Be("Ông Lê Văn Khải");
        DecisionWording.ListedName(Person("Trần Thị Mỹ Duyên", Gender.Female)).Should().Be("Bà Trần Thị Mỹ Duyên");
        DecisionWording.ListedName(Collective("Tổ dân phố số 3")).Should().Be("Tổ dân phố số 3");

        DecisionWording.ArticleOne("Bằng khen của Chủ tịch UBND tỉnh", [Person("Lê Văn Khải", Gender.Male)], "Đã có thành tích xuất sắc.")
            .Should().Be("Tặng Bằng khen của Chủ tịch UBND tỉnh cho ông Lê Văn Khải, Xã Tân Hòa, đã có thành tích xuất sắc.");
        DecisionWording.ArticleOne("Bằng khen của Chủ tịch UBND tỉnh", [Collective("A"), Person("B", Gender.Female)], "Đã có thành tích xuất sắc")
            .Should().Be("Tặng Bằng khen của Chủ tịch UBND tỉnh cho 01 tập thể và 01 cá nhân có tên trong danh sách sau, đã có thành tích xuất sắc:");
    }

    [Fact]
    public void A_deputy_signs_for_the_head_and_a_title_is_certified_not_given()
    {
        var authority = SigningAuthority.FromProvince("Ủy ban nhân dân tỉnh Lam Giang");
        authority.AuthorityLine.Should().Be("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAM GIANG");
        authority.Place.Should().Be("Lam Giang");
        authority.SignatureLines(SignerCapacity.Head).Should().Equal("CHỦ TỊCH");
        authority.SignatureLines(SignerCapacity.Deputy).Should().Equal("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH");
        SignerCapacities.Infer("Phó Chủ tịch UBND tỉnh").Should().Be(SignerCapacity.Deputy);
        SignerCapacities.Infer("Chủ tịch UBND tỉnh").Should().Be(SignerCapacity.Head);

        AwardForm.CertifiesTitle("BẰNG CHỨNG NHẬN").Should().BeTrue();
        AwardForm.CertifiesTitle("BẰNG KHEN").Should().BeFalse();
        AwardForm.CertifiesTitle("GIẤY KHEN").Should().BeFalse();
    }
}
