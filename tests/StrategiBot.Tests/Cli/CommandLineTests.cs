using StrategiBot.Cli;

namespace StrategiBot.Tests.Cli;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "serve" }, false)]
    [InlineData(new[] { "--urls=http://127.0.0.1:5000" }, false)]
    [InlineData(new[] { "help" }, true)]
    [InlineData(new[] { "frobnicate" }, true)]
    public void Serving_is_the_default_and_verbs_are_recognised(string[] args, bool isCommand) =>
        Assert.Equal(isCommand, CommandLine.IsCommand(args));

    [Fact]
    public void A_leading_serve_is_not_passed_to_the_web_host() =>
        Assert.Equal(["--Bot:Organisation=tynset"], CommandLine.ServeArguments(["serve", "--Bot:Organisation=tynset"]));

    [Fact]
    public async Task An_unknown_verb_exits_with_2() =>
        Assert.Equal(2, await CommandLine.RunAsync(["frobnicate"]));
}
