using Microsoft.Extensions.Options;

namespace StrategiBot.Tests.Hosting;

/// <summary>Configuration mistakes stop the start with a message that names the key to fix.</summary>
public sealed class StartupValidationTests
{
    /// <summary>
    /// Started as an operator starts it (the built app in its own process): a mistake ends the start with
    /// one line saying what to fix and exit code 1, not an unhandled exception and an abort.
    /// </summary>
    [Theory]
    [InlineData("Development", "--Bot:Organisation=Atlantis", "StrategiBot did not start: Bot:Organisation 'Atlantis' has no content pack")]
    [InlineData("Development", "--Content:Path=/nonexistent-strategibot", "StrategiBot did not start: The content folder '/nonexistent-strategibot/content' does not exist")]
    [InlineData("Production", "--Bot:Organisation=ostre-toten", "StrategiBot did not start: MicrosoftAppId is empty.")]
    public async Task A_start_that_fails_says_what_to_fix_in_one_line_and_exits_with_1(string environment, string setting, string expected)
    {
        var (exitCode, _, error) = await AppProcess.RunAsync([setting, "--urls", "http://127.0.0.1:0"], new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = environment });

        Assert.Equal(1, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_app_id_outside_Development_refuses_to_start()
    {
        await using var app = new BotApplication("Production");

        var error = Assert.IsAssignableFrom<OptionsValidationException>(await app.StartFailureAsync());

        Assert.Contains("MicrosoftAppId", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SingleTenant", "", "secret", "MicrosoftAppTenantId")]
    [InlineData("MultiTenant", "", "", "MicrosoftAppPassword")]
    [InlineData("UserAssignedMSI", "", "", "MicrosoftAppTenantId")]
    [InlineData("UserAssignedMSI", "tenant", "secret", "MicrosoftAppPassword")]
    public async Task A_missing_credential_is_named(string appType, string tenant, string password, string expectedKey)
    {
        await using var app = new BotApplication("Production", new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-0000000000b0",
            ["MicrosoftAppTenantId"] = tenant,
            ["MicrosoftAppPassword"] = password,
        });

        var error = Assert.IsAssignableFrom<OptionsValidationException>(await app.StartFailureAsync());

        Assert.Contains(expectedKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_http_metadata_url_is_refused_unless_it_is_loopback()
    {
        await using var app = BotApplication.Production(new Dictionary<string, string?>
        {
            ["BotFramework:OpenIdMetadataUrl"] = "http://metadata.example.com/openid",
        });

        var error = await app.StartFailureAsync();

        Assert.Contains("BotFramework:OpenIdMetadataUrl", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_storage_provider_names_the_key()
    {
        await using var app = new BotApplication(settings: new Dictionary<string, string?> { ["Storage:Provider"] = "Oracle" });

        var error = await app.StartFailureAsync();

        Assert.Contains("Storage:Provider", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_bot_rejects_a_request_without_a_token()
    {
        await using var app = BotApplication.Production(new Dictionary<string, string?>
        {
            ["BotFramework:OpenIdMetadataUrl"] = "http://127.0.0.1:9/openid",
        });

        using var response = await app.PostAsync(Teams.PersonalMessage("hei"));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(app.Connector.Calls);
    }
}
