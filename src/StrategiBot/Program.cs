using Microsoft.Extensions.Options;
using StrategiBot;
using StrategiBot.Cli;
using StrategiBot.Content;
using StrategiBot.Hosting;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

try
{
    var serveArgs = CommandLine.ServeArguments(args);
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = serveArgs,
        EnvironmentName = DefaultEnvironment.For(serveArgs),
        // appsettings.json and the content folders travel with the binaries, wherever the app is started from.
        ContentRootPath = AppContext.BaseDirectory,
    });
    builder.AddStrategiBot();

    var app = builder.Build();
    app.MapBot();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is OptionsValidationException or ContentException or DirectoryNotFoundException)
{
    // A setting or content mistake: the log (if it got that far) has the details; the operator needs the one
    // line that says what to fix.
    await Console.Error.WriteLineAsync($"StrategiBot did not start: {ex.Message}");
    return 1;
}
