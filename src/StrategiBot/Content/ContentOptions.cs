namespace StrategiBot.Content;

/// <summary>The <c>Content</c> configuration section: where the content packs, lexicon and dialogs live.</summary>
internal sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>
    /// The folder holding <c>content/</c>, <c>lexicon/</c> and <c>dialogs/</c>. By default the app's own
    /// folder, where the build copies them, so the published app finds its content wherever it runs.
    /// </summary>
    public string? Path { get; set; }

    public string Root => string.IsNullOrWhiteSpace(Path) ? AppContext.BaseDirectory : System.IO.Path.GetFullPath(Path);

    public string StrategiesFolder => System.IO.Path.Combine(Root, "content");

    public string LexiconFolder => System.IO.Path.Combine(Root, "lexicon");

    public string DialogsFolder => System.IO.Path.Combine(Root, "dialogs");
}
