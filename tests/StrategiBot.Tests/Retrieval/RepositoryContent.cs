namespace StrategiBot.Tests.Retrieval;

/// <summary>The repository's own content and lexicon folders, found from the test binaries.</summary>
internal static class RepositoryContent
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "StrategiBot.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("StrategiBot.sln not found above the test binaries.");
    }
}
