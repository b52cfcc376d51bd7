using StrategiBot;
using StrategiBot.Cli;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(CommandLine.ServeArguments(args));
builder.AddStrategiBot();

var app = builder.Build();
app.MapBot();
await app.RunAsync();
return 0;
