namespace StrategiBot.Tests;

/// <summary>A fresh folder under the system's temp folder for content files a test writes, removed afterwards.</summary>
internal sealed class TempFolder(string name) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), name, Guid.NewGuid().ToString("N"));

    /// <summary>Writes <c>&lt;id&gt;.yaml</c> and returns its path, as the loaders name it in their errors.</summary>
    public string Yaml(string id, string yaml)
    {
        Directory.CreateDirectory(Path);
        var path = System.IO.Path.Combine(Path, id + ".yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
