using Microsoft.Extensions.Options;
using StrategiBot.Checklists;
using StrategiBot.Content;
using StrategiBot.Hosting;
using StrategiBot.Retrieval;

namespace StrategiBot.Dialogs;

internal static class DialogRegistration
{
    public static IServiceCollection AddDialogs(this IServiceCollection services)
    {
        services.AddOptions<DialogOptions>().BindConfiguration(DialogOptions.Section)
            .Validate(o => o.IdleTimeout > TimeSpan.Zero, "Dialogs:IdleTimeout must be positive.")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var knowledge = sp.GetRequiredService<KnowledgeBase>();
            var folder = sp.GetRequiredService<IOptions<ContentOptions>>().Value.DialogsFolder;
            var checklists = sp.GetRequiredService<ChecklistCatalog>().All;
            return new DialogCatalog(DialogLoader.LoadAll(folder, knowledge.Packs, checklists), knowledge.Analysis);
        });
        services.AddSingleton<DialogEngine>();
        services.AddHostedService<LoadOnStart<DialogCatalog>>();
        return services;
    }
}
