using StrategiBot.Retrieval.Analysis;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace StrategiBot.Content;

/// <summary>
/// Loads every organisation folder under the content root. A folder is a pack when it holds
/// <c>organisation.yaml</c>; each problem is reported with file and line, and the start fails.
/// </summary>
internal static class ContentPackLoader
{
    public const string OrganisationFile = "organisation.yaml";
    public const string StrategyFile = "strategy.md";
    public const string QuestionsFile = "questions.yaml";

    /// <summary>
    /// Further question files beside <see cref="QuestionsFile"/>, read after it in name order, such as
    /// <c>questions.asked.yaml</c>: the communication department's own list stays apart from questions
    /// collected elsewhere, while both speak for the same sections.
    /// </summary>
    public const string FurtherQuestionsPattern = "questions.*.yaml";

    /// <summary>
    /// Questions the strategy does not answer, as employees asked them: a list of texts. They teach the bot
    /// what lies just outside the strategy (how a tool works, who holds an office, what the law requires),
    /// where a question's words match a passage well and its meaning does not.
    /// </summary>
    public const string UncoveredFile = "uncovered.yaml";

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static IReadOnlyList<ContentPack> LoadAll(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"The content folder '{root}' does not exist; set Content:Path to the folder holding one folder per organisation.");
        }
        var packs = Directory.GetDirectories(root)
            .Where(d => File.Exists(Path.Combine(d, OrganisationFile)))
            .Order(StringComparer.Ordinal)
            .Select(Load)
            .ToList();
        if (packs.Count == 0)
        {
            throw new InvalidOperationException($"The content folder '{root}' holds no organisation (a folder with {OrganisationFile}).");
        }
        return packs;
    }

    public static ContentPack Load(string folder)
    {
        var folderName = Path.GetFileName(folder);
        var organisationPath = Path.Combine(folder, OrganisationFile);
        var file = ReadYaml<OrganisationFileModel>(organisationPath) ?? throw new ContentException(organisationPath, 1, "the file is empty.");
        var organisation = file.ToOrganisation(organisationPath);
        if (organisation.Id != folderName)
        {
            throw new ContentException(organisationPath, 1, $"id '{organisation.Id}' must equal the folder name '{folderName}'.");
        }

        var strategyPath = Path.Combine(folder, StrategyFile);
        if (!File.Exists(strategyPath))
        {
            throw new ContentException(strategyPath, 1, "missing: every organisation needs its strategy text.");
        }
        var strategy = StrategyParser.Parse(strategyPath, File.ReadAllText(strategyPath));

        var questions = new Dictionary<string, IReadOnlyList<AlternateQuestion>>(StringComparer.Ordinal);
        // A question asked twice of one section would pull twice as hard; a backup copy of a question file
        // left beside it ("questions.kopi.yaml") would double them all.
        var asked = new Dictionary<(string Section, string Question), string>();
        foreach (var path in QuestionFiles(folder))
        {
            foreach (var (sectionId, more) in LoadQuestions(path, strategy))
            {
                foreach (var (question, line) in more)
                {
                    var key = (sectionId, QuestionKey(question.Text));
                    if (asked.TryGetValue(key, out var first))
                    {
                        throw new ContentException(path, line, $"'{question.Text}' is already a question for '{sectionId}' ({first}).");
                    }
                    asked[key] = $"{Path.GetFileName(path)}:{line}";
                }
                IReadOnlyList<AlternateQuestion> texts = [.. more.Select(q => q.Question)];
                questions[sectionId] = questions.TryGetValue(sectionId, out var earlier) ? [.. earlier, .. texts] : texts;
            }
        }

        return new ContentPack(organisation, strategy, questions, folder) { Uncovered = LoadUncovered(Path.Combine(folder, UncoveredFile), asked) };
    }

    /// <summary>
    /// Reads <see cref="UncoveredFile"/>, when there is one: a list of questions. One asked twice, or also
    /// stored as a question a section answers, is a mistake that would teach the bot both ways at once.
    /// </summary>
    private static List<string> LoadUncovered(string path, Dictionary<(string Section, string Question), string> answered)
    {
        var document = File.Exists(path) ? YamlFile.ReadRoot(path) : null;
        if (document is null)
        {
            return [];
        }
        if (document is not YamlSequenceNode items)
        {
            throw new ContentException(path, Line(document), "expected a list of questions the strategy does not answer.");
        }
        var answeredAt = answered.ToLookup(a => a.Key.Question, a => a.Value, StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var item in items)
        {
            if (item is not YamlScalarNode { Value: { } text } || string.IsNullOrWhiteSpace(text))
            {
                throw new ContentException(path, Line(item), "each item must be the text of a question (in double quotes if it holds a colon or #).");
            }
            var key = QuestionKey(text);
            if (seen.TryGetValue(key, out var first))
            {
                throw new ContentException(path, Line(item), $"'{text}' is already in the list (line {first}).");
            }
            if (answeredAt[key].FirstOrDefault() is { } place)
            {
                throw new ContentException(path, Line(item), $"'{text}' is also stored as a question the strategy answers ({place}).");
            }
            seen[key] = Line(item);
            result.Add(text);
        }
        return result;
    }

    /// <summary><see cref="QuestionsFile"/> first, when there is one, then the further question files by name.</summary>
    internal static IEnumerable<string> QuestionFiles(string folder)
    {
        var main = Path.Combine(folder, QuestionsFile);
        if (File.Exists(main))
        {
            yield return main;
        }
        foreach (var further in Directory.GetFiles(folder, FurtherQuestionsPattern).Order(StringComparer.Ordinal))
        {
            yield return further;
        }
    }

    /// <summary>
    /// Reads a question file: per section id, questions as plain strings (about the whole section) or
    /// as <c>{question, about}</c> where <c>about</c> quotes the part of the section they are about.
    /// </summary>
    private static Dictionary<string, List<(AlternateQuestion Question, int Line)>> LoadQuestions(string path, StrategyDocument strategy)
    {
        var result = new Dictionary<string, List<(AlternateQuestion Question, int Line)>>(StringComparer.Ordinal);
        var document = YamlFile.ReadRoot(path);
        if (document is null)
        {
            return result;
        }
        if (document is not YamlMappingNode root)
        {
            throw new ContentException(path, Line(document), "expected section ids, each with a list of questions.");
        }
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var sectionId = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            var section = strategy.Find(sectionId)
                ?? throw new ContentException(path, Line(keyNode), $"'{sectionId}' is not a section id in {StrategyFile}.");
            if (valueNode is not YamlSequenceNode items)
            {
                throw new ContentException(path, Line(valueNode), $"'{sectionId}' needs a list of questions.");
            }
            var questions = new List<(AlternateQuestion Question, int Line)>();
            foreach (var item in items)
            {
                questions.Add((item switch
                {
                    YamlScalarNode { Value: { Length: > 0 } text } => new AlternateQuestion(text, null),
                    YamlMappingNode map => TargetedQuestion(path, section, map),
                    _ => throw new ContentException(path, Line(item), "a question must be text, or 'question:' with an optional 'about:'."),
                }, Line(item)));
            }
            result[sectionId] = questions;
        }
        return result;
    }

    private static AlternateQuestion TargetedQuestion(string path, Section section, YamlMappingNode map)
    {
        string? question = null;
        string? about = null;
        foreach (var (key, value) in map.Children)
        {
            var name = ((YamlScalarNode)key).Value;
            var text = (value as YamlScalarNode)?.Value;
            switch (name)
            {
                case "question":
                    question = text;
                    break;
                case "about":
                    about = text;
                    break;
                default:
                    throw new ContentException(path, Line(key), $"unknown key '{name}'; a question has 'question' and 'about'.");
            }
        }
        if (string.IsNullOrWhiteSpace(question))
        {
            throw new ContentException(path, Line(map), "'question' is missing.");
        }
        if (about is not null && !section.Blocks.Any(b => Normalise(b.Text).Contains(Normalise(about), StringComparison.Ordinal)))
        {
            throw new ContentException(path, Line(map), $"'about' must quote text of section '{section.Id}', but \"{about}\" is not in it.");
        }
        return new AlternateQuestion(question, about is null ? null : Normalise(about));
    }

    /// <summary>
    /// A question as its words: lower-case letters and digits, whatever the spacing, punctuation or case
    /// ("Hva sier den?" and "hva  sier den"), for telling whether two questions are the same one.
    /// </summary>
    internal static string QuestionKey(string text) => string.Join(' ', Tokenizer.Split(text.ToLowerInvariant()));

    internal static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static T? ReadYaml<T>(string path)
    {
        try
        {
            using var reader = File.OpenText(path);
            return Yaml.Deserialize<T>(reader);
        }
        catch (YamlException ex)
        {
            var reason = (ex.InnerException ?? ex).Message;
            throw new ContentException(path, (int)ex.Start.Line, reason);
        }
    }

    private sealed class OrganisationFileModel
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? ShortName { get; set; }
        public string? DefaultLocale { get; set; }
        public DocumentModel? Document { get; set; }
        public ContactModel? Contact { get; set; }
        public ExampleModel? Example { get; set; }

        public Organisation ToOrganisation(string path) => new(
            Require(path, Id, "id"),
            Require(path, Name, "name"),
            ShortName ?? Require(path, Name, "name"),
            DefaultLocale ?? "nb-NO",
            Require(path, Document?.Title, "document.title"),
            Document?.Adopted,
            Require(path, Contact?.Unit, "contact.unit"),
            Require(path, Contact?.Description, "contact.description"))
        {
            ContactEmail = Optional(path, Contact?.Email, "contact.email", e => e.Contains('@', StringComparison.Ordinal) && !e.Contains(' ', StringComparison.Ordinal), "an e-mail address"),
            ContactPhone = Optional(path, Contact?.Phone, "contact.phone", p => p.Count(char.IsAsciiDigit) >= 3 && p.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-'), "a phone number"),
            ContactUrl = Optional(path, Contact?.Url, "contact.url", u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http", "an http(s) address"),
            ContactUnitEnglish = Trimmed(Contact?.English?.Unit),
            ContactDescriptionEnglish = Trimmed(Contact?.English?.Description),
            ExampleQuestion = Trimmed(Example?.Question),
            ExampleQuestionEnglish = Trimmed(Example?.English),
        };

        private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

        private static string? Optional(string path, string? value, string key, Func<string, bool> valid, string what) =>
            Trimmed(value) is not { } trimmed ? null
            : valid(trimmed) ? trimmed
            : throw new ContentException(path, Line(path, key), $"'{key}' should be {what}; found '{trimmed}'.");

        /// <summary>The line of a dotted key ("contact.email"), each part looked for after the one before it.</summary>
        private static int Line(string path, string key)
        {
            var lines = File.ReadAllLines(path);
            var index = -1;
            foreach (var part in key.Split('.'))
            {
                var next = Array.FindIndex(lines, index + 1, l => l.TrimStart().StartsWith(part + ":", StringComparison.Ordinal));
                if (next < 0)
                {
                    return 1;
                }
                index = next;
            }
            return index + 1;
        }

        private static string Require(string path, string? value, string key) =>
            string.IsNullOrWhiteSpace(value) ? throw new ContentException(path, 1, $"'{key}' is required.") : value.Trim();
    }

    private sealed class DocumentModel
    {
        public string? Title { get; set; }
        public string? Adopted { get; set; }
    }

    private sealed class ExampleModel
    {
        public string? Question { get; set; }
        public string? English { get; set; }
    }

    private sealed class ContactModel
    {
        public string? Unit { get; set; }
        public string? Description { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        public string? Url { get; set; }
        public ContactEnglishModel? English { get; set; }
    }

    private sealed class ContactEnglishModel
    {
        public string? Unit { get; set; }
        public string? Description { get; set; }
    }
}
