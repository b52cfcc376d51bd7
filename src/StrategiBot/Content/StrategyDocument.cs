namespace StrategiBot.Content;

/// <summary>One organisation's strategy as structured text: sections in document order.</summary>
internal sealed record StrategyDocument(string Title, IReadOnlyList<Section> Sections)
{
    public Section? Find(string sectionId) => Sections.FirstOrDefault(s => s.Id == sectionId);
}

/// <summary>
/// A section with its own blocks (not its subsections'). <see cref="Path"/> holds the titles of the
/// enclosing sections, outermost first, which give a passage its context.
/// </summary>
internal sealed record Section(string Id, string Title, int Level, IReadOnlyList<string> Path, IReadOnlyList<Block> Blocks, int Line)
{
    /// <summary>The title with its chapter context, e.g. "Media og presse › Kjøreregler".</summary>
    public string FullTitle => Path.Count == 0 ? Title : string.Join(" › ", [.. Path, Title]);

    /// <summary>A numbered item by its document number, e.g. press rule 7.</summary>
    public Block? Item(int number) => Blocks.FirstOrDefault(b => b.Kind == BlockKind.NumberedItem && b.Number == number);
}

internal enum BlockKind
{
    Paragraph,
    BulletItem,
    NumberedItem,
}

/// <summary>A paragraph or list item, exactly as written in the pack (this is what gets quoted).</summary>
internal sealed record Block(BlockKind Kind, string Text, int? Number, int Line)
{
    /// <summary>The block as it reads in a quotation: list items keep their marker.</summary>
    public string Display => Kind switch
    {
        BlockKind.BulletItem => "- " + Text,
        BlockKind.NumberedItem => $"{Number}. {Text}",
        _ => Text,
    };
}
