using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using StrategiBot.Protocol;
using StrategiBot.Protocol.Connector;

namespace StrategiBot.Tests.Protocol.Connector;

public sealed class ConnectorTokenProviderTests
{
    private const string AppId = "00000000-0000-0000-0000-0000000000a1";
    private const string TenantId = "11111111-1111-1111-1111-111111111111";
    private const string Secret = "client-secret-value";

    public sealed record ValidationCase(string Name, BotFrameworkOptions Options, string[] ExpectedErrorFragments)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<ValidationCase> ValidationCases =>
    [
        new("development: no app id", new BotFrameworkOptions(), []),
        new("development with a tenant", new BotFrameworkOptions { MicrosoftAppTenantId = TenantId }, []),
        new("development with a secret", new BotFrameworkOptions { MicrosoftAppPassword = Secret }, ["MicrosoftAppId"]),
        new("multi-tenant complete", new BotFrameworkOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = Secret }, []),
        new("multi-tenant without secret", new BotFrameworkOptions { MicrosoftAppId = AppId }, ["MicrosoftAppPassword is required"]),
        new("single-tenant complete", new BotFrameworkOptions { MicrosoftAppType = BotAppType.SingleTenant, MicrosoftAppId = AppId, MicrosoftAppPassword = Secret, MicrosoftAppTenantId = TenantId }, []),
        new("single-tenant without tenant", new BotFrameworkOptions { MicrosoftAppType = BotAppType.SingleTenant, MicrosoftAppId = AppId, MicrosoftAppPassword = Secret }, ["MicrosoftAppTenantId is required"]),
        new("single-tenant without anything", new BotFrameworkOptions { MicrosoftAppType = BotAppType.SingleTenant, MicrosoftAppId = AppId }, ["MicrosoftAppTenantId is required", "MicrosoftAppPassword is required"]),
        new("managed identity complete", new BotFrameworkOptions { MicrosoftAppType = BotAppType.UserAssignedMSI, MicrosoftAppId = AppId, MicrosoftAppTenantId = TenantId }, []),
        new("managed identity without tenant", new BotFrameworkOptions { MicrosoftAppType = BotAppType.UserAssignedMSI, MicrosoftAppId = AppId }, ["MicrosoftAppTenantId is required"]),
        new("managed identity with a secret", new BotFrameworkOptions { MicrosoftAppType = BotAppType.UserAssignedMSI, MicrosoftAppId = AppId, MicrosoftAppTenantId = TenantId, MicrosoftAppPassword = Secret }, ["MicrosoftAppPassword must be empty"]),
        new("unknown app type", new BotFrameworkOptions { MicrosoftAppType = (BotAppType)42, MicrosoftAppId = AppId }, ["MicrosoftAppType"]),
        new("empty scope", new BotFrameworkOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = Secret, ConnectorScope = " " }, ["ConnectorScope"]),
    ];

    [Theory]
    [MemberData(nameof(ValidationCases))]
    public void Validation_names_the_key_to_fix(ValidationCase testCase)
    {
        var errors = BotFrameworkOptionsValidation.Validate(testCase.Options);

        Assert.Equal(testCase.ExpectedErrorFragments.Length, errors.Count);
        foreach (var fragment in testCase.ExpectedErrorFragments)
        {
            Assert.Contains(errors, e => e.Contains(fragment, StringComparison.Ordinal));
        }

        Assert.All(errors, e => Assert.DoesNotContain(Secret, e, StringComparison.Ordinal));
    }

    [Fact]
    public void Development_mode_gets_no_token()
    {
        var provider = ConnectorTokenProvider.Create(new BotFrameworkOptions());

        Assert.Same(NoTokenProvider.Instance, provider);
        Assert.False(provider.SendsToken);
    }

    [Theory]
    [InlineData(BotAppType.MultiTenant, typeof(MsalConnectorTokenProvider))]
    [InlineData(BotAppType.SingleTenant, typeof(MsalConnectorTokenProvider))]
    [InlineData(BotAppType.UserAssignedMSI, typeof(ManagedIdentityConnectorTokenProvider))]
    public void The_app_type_chooses_the_provider(BotAppType appType, Type expected)
    {
        var options = new BotFrameworkOptions
        {
            MicrosoftAppType = appType,
            MicrosoftAppId = AppId,
            MicrosoftAppTenantId = TenantId,
            MicrosoftAppPassword = appType == BotAppType.UserAssignedMSI ? null : Secret,
        };

        var provider = ConnectorTokenProvider.Create(options);

        Assert.IsType(expected, provider);
        Assert.True(provider.SendsToken);
    }

    [Fact]
    public void Invalid_settings_fail_creation_with_every_problem_named()
    {
        var options = new BotFrameworkOptions { MicrosoftAppType = BotAppType.SingleTenant, MicrosoftAppId = AppId };

        var ex = Assert.Throws<InvalidOperationException>(() => ConnectorTokenProvider.Create(options));

        Assert.Contains("MicrosoftAppTenantId", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppPassword", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://api.botframework.com/.default", "https://api.botframework.com")]
    [InlineData("https://api.botframework.us/.default", "https://api.botframework.us")]
    [InlineData("https://api.botframework.com", "https://api.botframework.com")]
    public void Managed_identity_uses_the_resource_behind_the_scope(string scope, string resource) =>
        Assert.Equal(resource, ConnectorTokenProvider.ResourceOf(scope));

    public sealed record AuthorityCase(BotAppType AppType, string ExpectedTokenEndpoint);

    public static TheoryData<AuthorityCase> AuthorityCases =>
    [
        new(BotAppType.MultiTenant, "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token"),
        new(BotAppType.SingleTenant, $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/token"),
    ];

    [Theory]
    [MemberData(nameof(AuthorityCases))]
    public async Task Msal_requests_client_credentials_from_the_right_authority_and_caches_the_token(AuthorityCase testCase)
    {
        var entra = new ScriptedHandler(request => request.RequestUri!.AbsolutePath.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal)
            ? Json("""{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"msal-issued-token"}""")
            : new HttpResponseMessage(HttpStatusCode.NotFound));
        var options = new BotFrameworkOptions
        {
            MicrosoftAppType = testCase.AppType,
            MicrosoftAppId = AppId,
            MicrosoftAppPassword = Secret,
            MicrosoftAppTenantId = TenantId,
        };
        var provider = ConnectorTokenProvider.Create(options, new FakeMsalHttp(entra));

        var first = await provider.GetTokenAsync(CancellationToken.None);
        var second = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("msal-issued-token", first);
        Assert.Equal(first, second);
        var tokenRequest = Assert.Single(entra.Requests, r => r.Method == HttpMethod.Post);
        Assert.Equal(testCase.ExpectedTokenEndpoint, tokenRequest.Uri);
        var form = ParseForm(tokenRequest.Body!);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal(AppId, form["client_id"]);
        Assert.Equal(Secret, form["client_secret"]);
        Assert.Contains("https://api.botframework.com/.default", form["scope"].Split(' '));
    }

    [Fact]
    public async Task Managed_identity_asks_for_the_connector_resource_with_the_client_id()
    {
        var expiresOn = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var msi = new ScriptedHandler(_ => Json($$"""
            {"access_token":"msi-issued-token","client_id":"{{AppId}}","expires_in":"3599","expires_on":"{{expiresOn}}","resource":"https://api.botframework.com","token_type":"Bearer"}
            """));
        var options = new BotFrameworkOptions { MicrosoftAppType = BotAppType.UserAssignedMSI, MicrosoftAppId = AppId, MicrosoftAppTenantId = TenantId };
        var provider = ConnectorTokenProvider.Create(options, new FakeMsalHttp(msi));

        var token = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("msi-issued-token", token);
        var request = Assert.Single(msi.Requests);
        var query = ParseForm(new Uri(request.Uri).Query.TrimStart('?'));
        Assert.Equal("https://api.botframework.com", query["resource"]);
        Assert.Equal(AppId, query["client_id"]);
    }

    [Fact]
    public void Host_registration_resolves_a_connector_client_and_validates_settings_on_use()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.Configure<BotFrameworkOptions>(o => o.MicrosoftAppId = null);
        services.AddConnectorClient(retry => retry.MaxRetries = 2);
        using var provider = services.BuildServiceProvider();

        Assert.IsType<ConnectorClient>(provider.GetRequiredService<IConnectorClient>());
        Assert.Same(NoTokenProvider.Instance, provider.GetRequiredService<IConnectorTokenProvider>());
        Assert.Equal(2, provider.GetRequiredService<IOptions<ConnectorRetryOptions>>().Value.MaxRetries);

        var invalid = new ServiceCollection();
        invalid.Configure<BotFrameworkOptions>(o => o.MicrosoftAppId = AppId);
        invalid.AddConnectorClient();
        using var invalidProvider = invalid.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => invalidProvider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value);
        Assert.Contains(ex.Failures, f => f.Contains("MicrosoftAppPassword", StringComparison.Ordinal));
    }

    private static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static Dictionary<string, string> ParseForm(string form) =>
        form.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => Uri.UnescapeDataString(kv[0]), kv => Uri.UnescapeDataString(kv[1].Replace('+', ' ')));

    private sealed class FakeMsalHttp(HttpMessageHandler handler) : IMsalHttpClientFactory
    {
        // The handler outlives each client: MSAL may ask for a client more than once.
        public HttpClient GetHttpClient() => new(handler, disposeHandler: false);
    }
}
