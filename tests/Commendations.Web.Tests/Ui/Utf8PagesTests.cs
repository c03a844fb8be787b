using Commendations.Web.Tests.Infrastructure;

namespace Commendations.Web.Tests.Ui;

/// <summary>Pages carry Vietnamese as UTF-8 text, not as numeric character references.</summary>
public class Utf8PagesTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task Vietnamese_letters_are_written_as_themselves_and_markup_is_still_escaped()
    {
        var response = await app.AnonymousClient().GetAsync("/dang-nhap");
        var html = await response.Content.ReadAsStringAsync();

        response.Content.Headers.ContentType!.CharSet.Should().Be("utf-8");
        html.Should().Contain("Đăng nhập").And.Contain("Tên đăng nhập").And.NotContain("&#x");
    }
}
