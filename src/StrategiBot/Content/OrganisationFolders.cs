namespace StrategiBot.Content;

/// <summary>
/// The data files under <c>dialogs/</c>: one folder per organisation, named by its id in <c>content/</c>, with
/// a sub-folder per kind of content (<c>sjekklister/</c>, <c>forms/</c>). A file whose name starts with
/// <c>_</c> is an example for editors and never loaded.
/// </summary>
internal static class OrganisationFolders
{
    /// <param name="subFolder">The kind's sub-folder, or null for the files in the organisation's folder itself.</param>
    public static IReadOnlyList<(string File, ContentPack Pack)> YamlFiles(string dialogsRoot, string? subFolder, IReadOnlyCollection<ContentPack> packs)
    {
        var found = new List<(string File, ContentPack Pack)>();
        if (!Directory.Exists(dialogsRoot))
        {
            return found;
        }
        foreach (var folder in Directory.GetDirectories(dialogsRoot).Order(StringComparer.Ordinal))
        {
            var kindFolder = subFolder is null ? folder : Path.Combine(folder, subFolder);
            var files = Directory.Exists(kindFolder)
                ? Directory.GetFiles(kindFolder, "*.yaml").Where(f => !Path.GetFileName(f).StartsWith('_')).Order(StringComparer.Ordinal).ToList()
                : [];
            if (files.Count == 0)
            {
                continue;
            }
            var organisationId = Path.GetFileName(folder);
            var pack = packs.FirstOrDefault(p => p.Organisation.Id == organisationId)
                ?? throw new ContentException(files[0], 1, $"'{organisationId}' is not an organisation in content/; the folders in dialogs/ are named after one.");
            found.AddRange(files.Select(f => (f, pack)));
        }
        return found;
    }
}
