using StrategiBot.Hosting;

namespace StrategiBot.Checklists;

internal static class ChecklistRegistration
{
    /// <summary>Loaded before the dialogs, which check the checklists their outcomes offer.</summary>
    public static IServiceCollection AddChecklists(this IServiceCollection services)
    {
        services.AddDialogsFolderContent((_, folder, knowledge) =>
            new ChecklistCatalog(ChecklistLoader.LoadAll(folder, knowledge.Packs), knowledge.Analysis));
        services.AddSingleton<ChecklistEngine>();
        return services;
    }
}
