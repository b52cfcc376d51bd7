using System.Globalization;
using System.Text.RegularExpressions;

namespace StrategiBot.Content;

/// <summary>
/// Reads the strict Markdown subset of <c>strategy.md</c> (see content/README.md). Anything outside the
/// subset is an error naming the file and line, so a typo fails the start instead of a quotation.
/// </summary>
internal static partial class StrategyParser
{
    public static StrategyDocument Parse(string path, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string? title = null;
        var sections = new List<Section>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var path_ = new List<(int Level, string Title)>();
        SectionBuilder? current = null;
        var paragraph = new List<string>();
        var paragraphLine = 0;
        var inComment = false;

        void FlushParagraph()
        {
            if (paragraph.Count > 0)
            {
                current!.Blocks.Add(new Block(BlockKind.Paragraph, string.Join(' ', paragraph), null, paragraphLine));
                paragraph.Clear();
            }
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var line = lines[i].TrimEnd();

            if (inComment)
            {
                inComment = !line.Contains("-->", StringComparison.Ordinal);
                continue;
            }
            if (line.TrimStart().StartsWith("<!--", StringComparison.Ordinal))
            {
                inComment = !line.Contains("-->", StringComparison.Ordinal);
                continue;
            }

            if (title is null)
            {
                if (line.Length == 0)
                {
                    continue;
                }
                if (!line.StartsWith("# ", StringComparison.Ordinal))
                {
                    throw new ContentException(path, lineNumber, "the file must start with the document title as '# Title'.");
                }
                title = line[2..].Trim();
                continue;
            }

            if (line.Length == 0)
            {
                FlushParagraph();
                continue;
            }

            if (line.StartsWith('#'))
            {
                FlushParagraph();
                var heading = HeadingPattern().Match(line);
                if (!heading.Success)
                {
                    throw new ContentException(path, lineNumber, line.StartsWith("# ", StringComparison.Ordinal)
                        ? "only the first line may be a level-1 heading; use '## Title {#id}' for sections."
                        : "a heading must read '## Title {#id}' (levels 2 to 4) with an id of lowercase letters, digits and hyphens.");
                }
                var level = heading.Groups["hashes"].Value.Length;
                var id = heading.Groups["id"].Value;
                if (ids.TryGetValue(id, out var firstLine))
                {
                    throw new ContentException(path, lineNumber, $"the section id '{id}' is already used on line {firstLine}.");
                }
                ids[id] = lineNumber;
                if (current is not null)
                {
                    sections.Add(current.Build());
                }
                while (path_.Count > 0 && path_[^1].Level >= level)
                {
                    path_.RemoveAt(path_.Count - 1);
                }
                var headingTitle = heading.Groups["title"].Value.Trim();
                current = new SectionBuilder(id, headingTitle, level, [.. path_.Select(p => p.Title)], lineNumber);
                path_.Add((level, headingTitle));
                continue;
            }

            if (current is null)
            {
                throw new ContentException(path, lineNumber, "text before the first section heading; start a section with '## Title {#id}'.");
            }

            if (line.StartsWith("- ", StringComparison.Ordinal) || line == "-")
            {
                FlushParagraph();
                current.Blocks.Add(new Block(BlockKind.BulletItem, RequireText(path, lineNumber, line[1..]), null, lineNumber));
                continue;
            }

            var numbered = NumberedPattern().Match(line);
            if (numbered.Success)
            {
                FlushParagraph();
                var number = int.Parse(numbered.Groups["n"].Value, CultureInfo.InvariantCulture);
                current.Blocks.Add(new Block(BlockKind.NumberedItem, RequireText(path, lineNumber, numbered.Groups["text"].Value), number, lineNumber));
                continue;
            }

            if (line.StartsWith(' ') || line.StartsWith('\t') || line.StartsWith('*') || line.StartsWith('|') || line.StartsWith('>'))
            {
                throw new ContentException(path, lineNumber, "unsupported line: use plain paragraphs, '- ' bullets or 'N. ' numbered items (no indentation, '*', tables or quotes).");
            }

            if (paragraph.Count == 0)
            {
                paragraphLine = lineNumber;
            }
            paragraph.Add(line.Trim());
        }

        if (inComment)
        {
            throw new ContentException(path, lines.Length, "a comment '<!--' is never closed with '-->'.");
        }
        if (title is null)
        {
            throw new ContentException(path, 1, "the file is empty; it must start with '# Title'.");
        }
        FlushParagraph();
        if (current is not null)
        {
            sections.Add(current.Build());
        }
        if (sections.Count == 0)
        {
            throw new ContentException(path, lines.Length, "the document has no sections.");
        }
        return new StrategyDocument(title, sections);
    }

    private static string RequireText(string path, int line, string text) =>
        string.IsNullOrWhiteSpace(text) ? throw new ContentException(path, line, "an empty list item.") : text.Trim();

    [GeneratedRegex(@"^(?<hashes>#{2,4}) (?<title>.+?) \{#(?<id>[a-z0-9]+(?:-[a-z0-9]+)*)\}$")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"^(?<n>\d{1,3})\.(?: (?<text>.*))?$")]
    private static partial Regex NumberedPattern();

    private sealed class SectionBuilder(string id, string title, int level, IReadOnlyList<string> path, int line)
    {
        public List<Block> Blocks { get; } = [];

        public Section Build() => new(id, title, level, path, [.. Blocks], line);
    }
}

/// <summary>A content file is malformed; the message names the file and line.</summary>
internal sealed class ContentException(string path, int line, string problem)
    : Exception($"{path}:{line}: {problem}")
{
    public string FilePath { get; } = path;

    public int Line { get; } = line;
}
