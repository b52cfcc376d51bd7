using Microsoft.Extensions.Options;
using StrategiBot.Content;
using StrategiBot.Retrieval;

namespace StrategiBot.Checklists;

internal static class ChecklistRegistration
{
    /// <summary>Loaded before the dialogs, which check the checklists their outcomes offer.</summary>
    public static IServiceCollection AddChecklists(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var knowledge = sp.GetRequiredService<KnowledgeBase>();
            var folder = sp.GetRequiredService<IOptions<ContentOptions>>().Value.DialogsFolder;
            return new ChecklistCatalog(ChecklistLoader.LoadAll(folder, knowledge.Packs), knowledge.Analysis);
        });
        services.AddSingleton<ChecklistEngine>();
        return services;
    }
}
