using Commendations.Audit;

namespace Commendations.Tests.Audit;

public class AuditKeyOptionsTests
{
    private static readonly string Key32 = Convert.ToBase64String(new byte[32]);

    [Theory]
    [InlineData(null, "not configured")]
    [InlineData("", "not configured")]
    [InlineData("not base64!", "not base64")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA==", "16 bytes")]
    public void A_missing_or_weak_head_key_is_refused(string? key, string why)
    {
        var result = new AuditKeyOptionsValidator().Validate(null, new AuditKeyOptions { HeadKey = key });

        result.Failed.Should().BeTrue();
        result.FailureMessage.Should().Contain(why);
    }

    [Fact]
    public void A_weak_previous_key_is_refused_and_good_keys_pass()
    {
        var validator = new AuditKeyOptionsValidator();

        validator.Validate(null, new AuditKeyOptions { HeadKey = Key32, PreviousHeadKeys = ["AAAA"] }).FailureMessage
            .Should().Contain("Audit:PreviousHeadKeys:0");
        validator.Validate(null, new AuditKeyOptions { HeadKey = Key32, PreviousHeadKeys = [Key32] }).Succeeded.Should().BeTrue();
    }
}
