using Microsoft.Extensions.Options;
using StrategiBot.Answering;
using StrategiBot.Checklists;
using StrategiBot.Content;
using StrategiBot.Conversation;
using StrategiBot.Dialogs;
using StrategiBot.Planning;
using StrategiBot.Retrieval;
using StrategiBot.Storage;

namespace StrategiBot.Cli;

/// <summary>
/// The executable's verbs. With no verb (or <c>serve</c>) it runs the bot; other verbs do one job and exit,
/// using the same configuration and content as the server.
/// </summary>
internal static class CommandLine
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Commands = new(StringComparer.Ordinal)
    {
        ["ask"] = args => WithKnowledgeAsync(args, services => AskCommand.RunAsync(
            args,
            services.GetRequiredService<Answerer>(),
            services.GetRequiredService<AnswerComposer>(),
            services.GetRequiredService<IOptions<BotOptions>>().Value.Organisation,
            Console.In,
            Console.Out,
            Console.Error)),
        ["eval"] = args => WithKnowledgeAsync(args, services => EvalCommand.RunAsync(
            args, services.GetRequiredService<Answerer>(), services.GetRequiredService<IOptions<ContentOptions>>().Value, Console.Out, Console.Error)),
        ["package"] = args => WithKnowledgeAsync(args, services => PackageCommand.RunAsync(
            args, Console.Out, Console.Error, [Directory.GetCurrentDirectory(), AppContext.BaseDirectory], PackageOrganisations.From(services)),
            withCommands: true),
        ["feedback"] = args => WithKnowledgeAsync(args, async services => MissingVotes(services) is { } missing
            ? await Failed(missing)
            : await FeedbackCommand.RunAsync(
                args,
                services.GetRequiredService<KnowledgeBase>(),
                services.GetRequiredService<IStateStore>(),
                services.GetRequiredService<IOptions<BotOptions>>().Value.Organisation,
                Console.Out,
                Console.Error), withStorage: true),
        ["help"] = _ => Task.FromResult(PrintUsage(Console.Out)),
        ["--help"] = _ => Task.FromResult(PrintUsage(Console.Out)),
        ["-h"] = _ => Task.FromResult(PrintUsage(Console.Out)),
    };

    /// <summary>True when the arguments name a verb other than serving.</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (Commands.ContainsKey(args[0]) || (!args[0].StartsWith('-') && args[0] != "serve"));

    /// <summary>The arguments for the web host, without a leading <c>serve</c>.</summary>
    public static string[] ServeArguments(string[] args) =>
        args.Length > 0 && args[0] == "serve" ? args[1..] : args;

    public static async Task<int> RunAsync(string[] args)
    {
        if (Commands.TryGetValue(args[0], out var command))
        {
            return await command(args[1..]);
        }
        await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'.");
        PrintUsage(Console.Error);
        return 2;
    }

    /// <summary>An argument as an option's name and the value written into it ("--org=tynset"), or as itself with no value.</summary>
    public static (string Name, string? Value) SplitOption(string arg) =>
        arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);

    /// <summary>
    /// Why there are no votes to read, or null: the command reads what the bot stored, and opening a database
    /// that is not there would create an empty one and report "0 tilbakemeldinger" as if nobody had voted.
    /// </summary>
    private static string? MissingVotes(IServiceProvider services)
    {
        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (storage.Provider == StorageProvider.Memory)
        {
            return "Storage:Provider is Memory, so the votes lived only in the running bot; the feedback command reads the bot's SQLite database.";
        }
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(storage.ResolveSqliteConnectionString()).DataSource;
        return File.Exists(path)
            ? null
            : $"No feedback database at {Path.GetFullPath(path)}: the bot has stored nothing there yet, or Storage:ConnectionString points elsewhere.";
    }

    private static async Task<int> Failed(string message)
    {
        await Console.Error.WriteLineAsync(message);
        return 2;
    }

    /// <summary>
    /// Runs a command over the same configuration and content as the server (appsettings.json beside the
    /// app, environment variables, <c>--Key=value</c> arguments), without starting the web host.
    /// </summary>
    private static async Task<int> WithKnowledgeAsync(string[] args, Func<IServiceProvider, Task<int>> run, bool withStorage = false, bool withCommands = false)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [.. args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal))],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section);
        builder.Services.AddKnowledge();
        if (withStorage)
        {
            builder.Services.AddStorage();
        }
        if (withCommands)
        {
            // What each command opens: the organisation's checklists, dialogs and plan forms.
            builder.Services.AddChecklists();
            builder.Services.AddDialogs();
            builder.Services.AddPlanning();
            builder.Services.AddSingleton<CommandOffers>();
        }
        using var host = builder.Build();
        try
        {
            return await run(host.Services);
        }
        catch (ContentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (DirectoryNotFoundException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
    }

    private static int PrintUsage(TextWriter writer)
    {
        writer.WriteLine("""
            StrategiBot: a Teams bot for the municipality's communication strategy.

            Usage:
              StrategiBot [serve] [--Key=value ...]   run the bot (default http://localhost:3978/api/messages)
              StrategiBot ask [--org ID] [--json] "spørsmål"   answer one question from the strategy
              StrategiBot ask --jsonl                 answer JSON lines {"id","question","org"} from stdin
              StrategiBot eval FILE.jsonl... [--verbose] [--details] [--fit] [--held-out K]
                                                      top-1, top-3 and refusal rates over evaluation files;
                                                      --fit fits the confidence model on their labels;
                                                      --held-out K searches each of K folds without the
                                                      stored questions it asks word for word
              StrategiBot package --app-id GUID --out FILE.zip [--org ID] [--bot-id GUID] [--host HOST] …
                                                      the Teams app package for one organisation, checked
                                                      against the official schema
              StrategiBot feedback [--org ID] [--json] [--since YYYY-MM-DD] [--limit N]
                                                      "Var dette nyttig?" votes per section, and the questions voted down
              StrategiBot help                        show this text

            Configuration keys can be given as --Key=value, --Section:Key=value or environment variables (Section__Key).
            """);
        return 0;
    }
}
