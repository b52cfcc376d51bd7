using Microsoft.Extensions.Options;
using StrategiBot.Content;
using StrategiBot.Retrieval;

namespace StrategiBot.Hosting;

/// <summary>
/// Builds a singleton while the host starts, so content that is loaded into it (dialogs, checklists, plan
/// forms) stops the start with its file and line instead of failing a user's first turn.
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

internal static class LoadOnStartRegistration
{
    /// <summary>
    /// Registers what is loaded from the <c>dialogs/</c> folder against the strategies (the folder, the
    /// knowledge base), loaded at start-up.
    /// </summary>
    public static IServiceCollection AddDialogsFolderContent<T>(
        this IServiceCollection services,
        Func<IServiceProvider, string, KnowledgeBase, T> load)
        where T : class
    {
        services.AddSingleton(sp => load(
            sp,
            sp.GetRequiredService<IOptions<ContentOptions>>().Value.DialogsFolder,
            sp.GetRequiredService<KnowledgeBase>()));
        services.AddHostedService<LoadOnStart<T>>();
        return services;
    }
}
