using StrategiBot.Hosting;

namespace StrategiBot.Planning;

internal static class PlanRegistration
{
    public static IServiceCollection AddPlanning(this IServiceCollection services)
    {
        services.AddDialogsFolderContent((_, folder, knowledge) =>
            new PlanCatalog(PlanFormLoader.LoadAll(folder, knowledge.Packs), knowledge.Analysis));
        services.AddSingleton<PlanBuilder>();
        return services;
    }
}
