namespace StrategiBot.Hosting;

/// <summary>
/// Builds a singleton while the host starts, so content that is loaded into it (dialogs, plan forms)
/// stops the start with its file and line instead of failing a user's first turn.
/// </summary>
internal sealed class LoadOnStart<T>(IServiceProvider services) : IHostedService
    where T : notnull
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<T>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
