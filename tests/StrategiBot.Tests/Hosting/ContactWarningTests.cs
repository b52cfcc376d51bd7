namespace StrategiBot.Tests.Hosting;

/// <summary>
/// When the strategy is silent the bot sends people to the organisation's contact; a deployment whose
/// content gives no way to reach that contact is warned at start-up, naming the file to fix.
/// </summary>
public sealed class ContactWarningTests : IDisposable
{
    private readonly TempFolder _folder = new("contact");

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task A_deployment_whose_contact_cannot_be_reached_is_warned_at_start_up(bool withEmail, bool warned)
    {
        _folder.CopyContent();
        if (withEmail)
        {
            var file = Path.Combine(_folder.Path, "content", "ostre-toten", "organisation.yaml");
            File.WriteAllText(file, File.ReadAllText(file).Replace("contact:\n", "contact:\n  email: kommunikasjon@example.no\n", StringComparison.Ordinal));
        }
        await using var app = BotApplication.Production(new Dictionary<string, string?>
        {
            ["Bot:UserKeySecret"] = new string('k', 32),
            ["Content:Path"] = _folder.Path,
        });

        app.CreateClient().Dispose();

        Assert.Equal(warned, app.Logs.Entries.Any(e => e.EventId.Id == 902 && e.Level == Microsoft.Extensions.Logging.LogLevel.Warning
            && e.Message.StartsWith("content/ostre-toten/organisation.yaml gives no e-mail, phone or url", StringComparison.Ordinal)));
    }

    public void Dispose() => _folder.Dispose();
}
