using Microsoft.Extensions.Options;
using StrategiBot.Content;
using StrategiBot.Hosting;
using StrategiBot.Retrieval;

namespace StrategiBot.Planning;

internal static class PlanRegistration
{
    public static IServiceCollection AddPlanning(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var knowledge = sp.GetRequiredService<KnowledgeBase>();
            var folder = sp.GetRequiredService<IOptions<ContentOptions>>().Value.DialogsFolder;
            return new PlanCatalog(PlanFormLoader.LoadAll(folder, knowledge.Packs), knowledge.Analysis);
        });
        services.AddSingleton<PlanBuilder>();
        services.AddHostedService<LoadOnStart<PlanCatalog>>();
        return services;
    }
}
