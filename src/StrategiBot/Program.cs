using StrategiBot;
using StrategiBot.Cli;
using StrategiBot.Hosting;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

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
