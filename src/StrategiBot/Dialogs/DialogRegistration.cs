using StrategiBot.Checklists;
using StrategiBot.Hosting;

namespace StrategiBot.Dialogs;

internal static class DialogRegistration
{
    public static IServiceCollection AddDialogs(this IServiceCollection services)
    {
        services.AddOptions<DialogOptions>().BindConfiguration(DialogOptions.Section)
            .Validate(o => o.IdleTimeout > TimeSpan.Zero, "Dialogs:IdleTimeout must be positive.")
            .ValidateOnStart();
        services.AddDialogsFolderContent((sp, folder, knowledge) => new DialogCatalog(
            DialogLoader.LoadAll(folder, knowledge.Packs, sp.GetRequiredService<ChecklistCatalog>().All),
            knowledge.Analysis));
        services.AddSingleton<DialogEngine>();
        return services;
    }
}
