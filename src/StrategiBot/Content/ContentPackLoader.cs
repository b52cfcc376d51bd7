using YamlDotNet.Core;
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

        var questionsPath = Path.Combine(folder, QuestionsFile);
        var questions = File.Exists(questionsPath)
            ? LoadQuestions(questionsPath, strategy)
            : new Dictionary<string, IReadOnlyList<string>>();

        return new ContentPack(organisation, strategy, questions, folder);
    }

    private static Dictionary<string, IReadOnlyList<string>> LoadQuestions(string path, StrategyDocument strategy)
    {
        var raw = ReadYaml<Dictionary<string, List<string>>>(path) ?? [];
        var text = File.ReadAllLines(path);
        foreach (var sectionId in raw.Keys.Where(id => strategy.Find(id) is null))
        {
            var line = Array.FindIndex(text, l => l.StartsWith(sectionId + ":", StringComparison.Ordinal)) + 1;
            throw new ContentException(path, Math.Max(line, 1), $"'{sectionId}' is not a section id in {StrategyFile}.");
        }
        return raw.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)[.. p.Value.Where(q => !string.IsNullOrWhiteSpace(q))], StringComparer.Ordinal);
    }

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

        public Organisation ToOrganisation(string path) => new(
            Require(path, Id, "id"),
            Require(path, Name, "name"),
            ShortName ?? Require(path, Name, "name"),
            DefaultLocale ?? "nb-NO",
            Require(path, Document?.Title, "document.title"),
            Document?.Adopted,
            Require(path, Contact?.Unit, "contact.unit"),
            Require(path, Contact?.Description, "contact.description"));

        private static string Require(string path, string? value, string key) =>
            string.IsNullOrWhiteSpace(value) ? throw new ContentException(path, 1, $"'{key}' is required.") : value.Trim();
    }

    private sealed class DocumentModel
    {
        public string? Title { get; set; }
        public string? Adopted { get; set; }
    }

    private sealed class ContactModel
    {
        public string? Unit { get; set; }
        public string? Description { get; set; }
    }
}
