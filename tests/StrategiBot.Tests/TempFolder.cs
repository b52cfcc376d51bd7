using Microsoft.Data.Sqlite;

namespace StrategiBot.Tests;

/// <summary>A folder of its own under the temp directory for one test (data files, a SQLite database), removed afterwards.</summary>
internal sealed class TempFolder(string purpose) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "strategibot-" + purpose, Guid.NewGuid().ToString("N"));

    /// <summary>Writes <c>name.yaml</c> and returns its path.</summary>
    public string WriteYaml(string name, string yaml) => Write(name + ".yaml", yaml);

    /// <summary>Writes a file of this name and returns its path.</summary>
    public string Write(string fileName, string text)
    {
        Directory.CreateDirectory(Path);
        var path = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>
    /// A copy of the repository's content, lexicon and dialogs in this folder, for a test that changes a file
    /// of them; <c>Content:Path</c> set to <see cref="Path"/> makes an app read it.
    /// </summary>
    public void CopyContent()
    {
        foreach (var folder in new[] { "content", "lexicon", "dialogs" })
        {
            var from = System.IO.Path.Combine(Retrieval.RepositoryContent.Root, folder);
            foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            {
                var target = System.IO.Path.Combine(Path, folder, System.IO.Path.GetRelativePath(from, file));
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }
    }

    /// <summary>Settings for an app whose SQLite store lives in this folder, so a second app can open the same file.</summary>
    public Dictionary<string, string?> SqliteSettings() => new()
    {
        ["Storage:Provider"] = "Sqlite",
        ["Storage:ConnectionString"] = new SqliteConnectionStringBuilder { DataSource = System.IO.Path.Combine(Path, "bot.db") }.ToString(),
    };

    public void Dispose()
    {
        // Pooled connections keep the database file open.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
