using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using StrategiBot.Conversation;
using StrategiBot.Protocol.Schema;

namespace StrategiBot.Tests.Conversation;

/// <summary>
/// The pseudonymous keys that stored state and feedback hold instead of a user's id. Entra object ids are no
/// secret inside the organisation, so a plain hash of one is reversed by hashing every employee's id; with
/// <c>Bot:UserKeySecret</c> the keys cannot be recomputed without the secret.
/// </summary>
public sealed class UserKeysTests
{
    private const string Secret = "a-random-secret-of-at-least-32-characters";

    private static readonly Activity Kari = Teams.MessageFrom("29:kari", "hei");

    [Fact]
    public void Without_a_secret_the_key_is_the_plain_hash_of_channel_and_id_that_anyone_can_recompute()
    {
        var key = Keys(null).For(Kari);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"msteams|{Kari.From!.AadObjectId}")).AsSpan(0, 16)), key);
        Assert.False(Keys(null).IsKeyed);
    }

    [Fact]
    public void With_a_secret_the_key_is_stable_per_user_and_cannot_be_recomputed_from_the_id()
    {
        var keys = Keys(Secret);

        var key = keys.For(Kari);

        Assert.True(keys.IsKeyed);
        Assert.Equal(32, key!.Length);
        Assert.Equal(key, Keys(Secret).For(Kari with { Text = "noe annet" }));
        Assert.NotEqual(Keys(null).For(Kari), key);
        Assert.NotEqual(key, keys.For(Teams.MessageFrom("29:ola", "hei")));
        Assert.NotEqual(key, Keys(Secret + "!").For(Kari));
        Assert.DoesNotContain(Kari.From!.AadObjectId!, key, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sender_without_an_id_has_no_key()
    {
        Assert.Null(Keys(Secret).For(Kari with { From = null }));
    }

    [Fact]
    public async Task A_secret_too_short_to_protect_the_keys_stops_the_start_naming_the_key()
    {
        await using var app = new BotApplication(settings: new Dictionary<string, string?> { ["Bot:UserKeySecret"] = "hemmelig" });

        var error = await app.StartFailureAsync();

        Assert.Contains("Bot:UserKeySecret must be at least 32 characters", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bot_stores_a_users_state_under_the_keyed_key()
    {
        await using var app = new BotApplication(settings: new Dictionary<string, string?> { ["Bot:UserKeySecret"] = Secret });

        var install = Teams.BotInstalledPersonal("29:kari");

        await app.ExchangeAsync(install);

        // The welcome is remembered under the keyed key, and nothing under the plain hash.
        Assert.NotNull(await app.Store.ReadAsync(UserState.Key(Keys(Secret).For(install)!), CancellationToken.None));
        Assert.Null(await app.Store.ReadAsync(UserState.Key(Keys(null).For(install)!), CancellationToken.None));
    }

    /// <summary>A deployment that talks to Teams is warned at start-up when its keys are the plain hash.</summary>
    [Theory]
    [InlineData(null, true)]
    [InlineData(Secret, false)]
    public async Task A_deployment_without_a_secret_is_warned_at_start_up(string? secret, bool warned)
    {
        await using var app = BotApplication.Production(new Dictionary<string, string?>
        {
            ["Bot:UserKeySecret"] = secret,
        });

        app.CreateClient().Dispose();

        Assert.Equal(warned, app.Logs.Entries.Any(e => e.EventId.Id == 901 && e.Level == Microsoft.Extensions.Logging.LogLevel.Warning
            && e.Message.StartsWith("Bot:UserKeySecret is not set", StringComparison.Ordinal)));
    }

    private static UserKeys Keys(string? secret) => new(Options.Create(new BotOptions { UserKeySecret = secret }));
}
