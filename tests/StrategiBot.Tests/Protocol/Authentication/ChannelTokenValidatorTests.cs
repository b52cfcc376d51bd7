using StrategiBot.Protocol;
using StrategiBot.Protocol.Authentication;

namespace StrategiBot.Tests.Protocol.Authentication;

public sealed class ChannelTokenValidatorTests(ChannelMetadataServer server) : IClassFixture<ChannelMetadataServer>
{
    public static TheoryData<string> CaseNames => new(ChannelTokenMatrix.Cases.Select(testCase => testCase.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Matrix_case_gets_its_verdict(string name)
    {
        var testCase = ChannelTokenMatrix.Get(name);
        var prepared = ChannelTokenMatrix.Prepare(testCase, server, DateTimeOffset.UtcNow);

        var result = await ChannelTokenMatrix.RunOursAsync(prepared, server);

        Assert.True(testCase.OursAccepts == result.IsAuthenticated, $"expected {(testCase.OursAccepts ? "accepted" : "refused")}, got {result.FailureReason ?? "accepted"}");
        if (result.IsAuthenticated)
        {
            Assert.Null(result.FailureReason);
            Assert.Equal(testCase.DevelopmentMode, result.IsAnonymous);
            Assert.Equal(!testCase.DevelopmentMode, result.Identity is not null);
        }
        else
        {
            Assert.Contains(testCase.Reason, result.FailureReason, StringComparison.OrdinalIgnoreCase);
            Assert.Null(result.Identity);
        }
    }

    [Fact]
    public async Task Accepted_token_yields_its_claims()
    {
        var prepared = ChannelTokenMatrix.Prepare(ChannelTokenMatrix.Get("valid"), server, DateTimeOffset.UtcNow);

        var result = await server.CreateValidator().ValidateAsync(prepared.AuthorizationHeader, prepared.Activity, CancellationToken.None);

        Assert.True(result.IsAuthenticated, result.FailureReason);
        Assert.False(result.IsAnonymous);
        var identity = Assert.IsAssignableFrom<System.Security.Claims.ClaimsIdentity>(result.Identity);
        Assert.True(identity.IsAuthenticated);
        Assert.Equal(ChannelMetadataServer.AppId, identity.FindFirst("aud")?.Value);
        Assert.Equal(ChannelMetadataServer.ServiceUrl, identity.FindFirst("serviceurl")?.Value);
    }

    [Fact]
    public async Task Keys_are_fetched_once_and_cached()
    {
        var validator = server.CreateValidator();
        var before = server.KeySetRequests;

        for (var i = 0; i < 3; i++)
        {
            var prepared = ChannelTokenMatrix.Prepare(ChannelTokenMatrix.Get("valid"), server, DateTimeOffset.UtcNow);
            var result = await validator.ValidateAsync(prepared.AuthorizationHeader, prepared.Activity, CancellationToken.None);
            Assert.True(result.IsAuthenticated, result.FailureReason);
        }

        Assert.Equal(before + 1, server.KeySetRequests);
    }

    [Fact]
    public async Task Key_rotated_in_after_caching_is_found_by_fetching_the_keys_again()
    {
        var validator = server.CreateValidator();
        var before = server.KeySetRequests;
        Assert.True((await ValidateAsync(validator, new TokenSpec())).IsAuthenticated);

        server.PublishRotatedKey();
        try
        {
            var result = await ValidateAsync(validator, new TokenSpec { SignWith = ChannelKey.Rotated, KeyId = ChannelKeyIds.Rotated });

            Assert.True(result.IsAuthenticated, result.FailureReason);
            Assert.Equal(before + 2, server.KeySetRequests);
            // The fresh keys replaced the cache: the old key still works without another fetch.
            Assert.True((await ValidateAsync(validator, new TokenSpec())).IsAuthenticated);
            Assert.Equal(before + 2, server.KeySetRequests);
        }
        finally
        {
            server.WithdrawRotatedKey();
        }
    }

    [Fact]
    public async Task Concurrent_requests_with_a_new_key_share_one_fetch()
    {
        var validator = server.CreateValidator();
        var before = server.KeySetRequests;
        Assert.True((await ValidateAsync(validator, new TokenSpec())).IsAuthenticated);

        server.PublishRotatedKey();
        try
        {
            var rotated = new TokenSpec { SignWith = ChannelKey.Rotated, KeyId = ChannelKeyIds.Rotated };
            var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ValidateAsync(validator, rotated)));

            Assert.All(results, result => Assert.True(result.IsAuthenticated, result.FailureReason));
            Assert.Equal(before + 2, server.KeySetRequests);
        }
        finally
        {
            server.WithdrawRotatedKey();
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Blank_header_counts_as_no_header(string? header)
    {
        var activity = ChannelTokenMatrix.Prepare(ChannelTokenMatrix.Get("valid"), server, DateTimeOffset.UtcNow).Activity;

        var development = await server.CreateValidator(developmentMode: true).ValidateAsync(header, activity, CancellationToken.None);
        var production = await server.CreateValidator().ValidateAsync(header, activity, CancellationToken.None);

        Assert.Same(ChannelAuthenticationResult.Anonymous, development);
        Assert.False(production.IsAuthenticated);
        Assert.Equal("no Authorization header", production.FailureReason);
    }

    [Theory]
    [InlineData("Bearer not-a-jwt")]
    [InlineData("Bearer a.b.c")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6ImVuZG9yc2VkLWtleSJ9.!!!.c2ln")]
    public async Task Malformed_token_is_refused(string header)
    {
        var activity = ChannelTokenMatrix.Prepare(ChannelTokenMatrix.Get("valid"), server, DateTimeOffset.UtcNow).Activity;

        var result = await server.CreateValidator().ValidateAsync(header, activity, CancellationToken.None);

        Assert.False(result.IsAuthenticated);
        Assert.NotNull(result.FailureReason);
    }

    [Fact]
    public async Task Unknown_key_ids_fetch_the_keys_again_at_most_every_five_minutes()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var validator = server.CreateValidator(timeProvider: clock);
        var unknown = new TokenSpec { SignWith = ChannelKey.Foreign, KeyId = ChannelKeyIds.Unknown };
        var before = server.KeySetRequests;

        Assert.True((await ValidateAsync(validator, new TokenSpec(), clock)).IsAuthenticated);
        Assert.Equal(before + 1, server.KeySetRequests);

        Assert.False((await ValidateAsync(validator, unknown, clock)).IsAuthenticated);
        Assert.Equal(before + 2, server.KeySetRequests);

        clock.Advance(TimeSpan.FromMinutes(4));
        var throttled = await ValidateAsync(validator, unknown, clock);
        Assert.False(throttled.IsAuthenticated);
        Assert.Contains("not among", throttled.FailureReason, StringComparison.Ordinal);
        Assert.Equal(before + 2, server.KeySetRequests);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False((await ValidateAsync(validator, unknown, clock)).IsAuthenticated);
        Assert.Equal(before + 3, server.KeySetRequests);
    }

    [Fact]
    public async Task Lifetime_is_read_from_the_time_provider_with_five_minutes_of_skew()
    {
        var minted = DateTimeOffset.UtcNow;
        var clock = new ManualClock(minted);
        var validator = server.CreateValidator(timeProvider: clock);
        var prepared = ChannelTokenMatrix.Prepare(ChannelTokenMatrix.Get("valid"), server, minted);

        // exp is whole seconds: 5 minutes after minting, rounded down.
        clock.Advance(TimeSpan.FromMinutes(5 + 5) - TimeSpan.FromSeconds(1));
        var justInTime = await validator.ValidateAsync(prepared.AuthorizationHeader, prepared.Activity, CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(2));
        var tooLate = await validator.ValidateAsync(prepared.AuthorizationHeader, prepared.Activity, CancellationToken.None);

        Assert.True(justInTime.IsAuthenticated, justInTime.FailureReason);
        Assert.False(tooLate.IsAuthenticated);
        Assert.Contains("expired", tooLate.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_metadata_refuses_the_request()
    {
        var validator = server.CreateValidator(metadataUrl: server.MissingMetadataUrl);

        var result = await ValidateAsync(validator, new TokenSpec());

        Assert.False(result.IsAuthenticated);
        Assert.Contains("could not be fetched", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_is_not_turned_into_a_refusal()
    {
        var validator = server.CreateValidator();
        var prepared = ChannelTokenMatrix.Prepare(ChannelTokenMatrix.Get("valid"), server, DateTimeOffset.UtcNow);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => validator.ValidateAsync(prepared.AuthorizationHeader, prepared.Activity, cancelled.Token));
    }

    [Theory]
    [InlineData("https://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("http://127.0.0.1:5000/openid")]
    [InlineData("http://127.10.20.30/openid")]
    [InlineData("http://[::1]:5000/openid")]
    [InlineData("http://localhost:5000/openid")]
    [InlineData("http://LOCALHOST/openid")]
    public void Metadata_url_is_accepted(string url)
    {
        Assert.Null(BotFrameworkOptionsValidation.ValidateOpenIdMetadataUrl(new Uri(url)));
        _ = new ChannelTokenValidator(new BotFrameworkOptions { MicrosoftAppId = ChannelMetadataServer.AppId, OpenIdMetadataUrl = new Uri(url) });
    }

    [Theory]
    [InlineData("http://login.botframework.com/v1/.well-known/openidconfiguration")]
    [InlineData("http://10.0.0.1/openid")]
    [InlineData("http://127.0.0.1.nip.io/openid")]
    [InlineData("http://localhost.example.com/openid")]
    [InlineData("ftp://127.0.0.1/openid")]
    public void Metadata_url_is_refused_naming_the_configuration_key(string url)
    {
        var options = new BotFrameworkOptions { MicrosoftAppId = ChannelMetadataServer.AppId, OpenIdMetadataUrl = new Uri(url) };

        Assert.Contains("BotFramework:OpenIdMetadataUrl", BotFrameworkOptionsValidation.ValidateOpenIdMetadataUrl(options.OpenIdMetadataUrl), StringComparison.Ordinal);
        var exception = Assert.Throws<ArgumentException>(() => new ChannelTokenValidator(options));
        Assert.Contains("BotFramework:OpenIdMetadataUrl", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_metadata_url_is_refused()
    {
        var options = new BotFrameworkOptions { OpenIdMetadataUrl = new Uri("/openid", UriKind.Relative) };

        Assert.Single(BotFrameworkOptionsValidation.ValidateChannel(options), error => error.Contains("BotFramework:OpenIdMetadataUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void Default_options_are_valid()
    {
        Assert.Empty(BotFrameworkOptionsValidation.ValidateChannel(new BotFrameworkOptions()));
    }

    private async Task<ChannelAuthenticationResult> ValidateAsync(ChannelTokenValidator validator, TokenSpec spec, TimeProvider? clock = null)
    {
        var now = (clock ?? TimeProvider.System).GetUtcNow();
        var testCase = new TokenCase("ad hoc", true, true, "", spec);
        var prepared = ChannelTokenMatrix.Prepare(testCase, server, now);
        return await validator.ValidateAsync(prepared.AuthorizationHeader, prepared.Activity, CancellationToken.None);
    }
}

/// <summary>A clock that moves only when told to.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
