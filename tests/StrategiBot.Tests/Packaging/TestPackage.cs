using System.Text.Json.Nodes;
using StrategiBot.Packaging;
using StrategiBot.Tests.EndToEnd;

namespace StrategiBot.Tests.Packaging;

/// <summary>The repository's manifest/ folder packaged with fixed ids, and scratch copies of it to break.</summary>
internal static class TestPackage
{
    public const string AppId = "3f2b8c1e-5a7d-4e91-b0c4-6d8e2f1a9b70";
    public const string BotId = "a1c9e5d3-2b4f-4a68-9e7c-0f1d3b5a7c92";

    public static string ManifestFolder => Path.Combine(NodeScript.RepoRoot, "manifest");

    public static IReadOnlyDictionary<string, string> Tokens { get; } = ManifestTokens.Resolve(new Dictionary<string, string>
    {
        ["APP_ID"] = AppId,
        ["BOT_ID"] = BotId,
        ["HOST_NAME"] = "strategibot.ostre-toten.example",
        ["DEVELOPER_NAME"] = "Østre Toten kommune",
    });

    /// <summary>The options the command line takes for <see cref="Tokens"/>.</summary>
    public static string[] Arguments(string outFile) =>
        ["--app-id", AppId, "--bot-id", BotId, "--host", "strategibot.ostre-toten.example", "--developer", "Østre Toten kommune", "--out", outFile];

    /// <summary>Fails with the install command unless the schema package is in manifest/node_modules.</summary>
    public static void RequireSchemas()
    {
        if (!Directory.Exists(AppPackager.SchemaFolder(ManifestFolder, ManifestVersion)))
        {
            Assert.Fail($"{AppPackager.SchemaPackage} is missing in {ManifestFolder}/node_modules. Install it from the repository root with: npm ci --prefix manifest");
        }
    }

    public static string ManifestVersion =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestFolder, AppPackager.ManifestFile)))!["manifestVersion"]!.GetValue<string>();

    public static IReadOnlyList<PackageFile> Build()
    {
        RequireSchemas();
        return AppPackager.Build(ManifestFolder, Tokens);
    }

    public static JsonObject Packaged(string fileName) =>
        JsonNode.Parse(Build().Single(f => f.Name == fileName).Content)!.AsObject();

    public static JsonSchema Schema(string fileName)
    {
        RequireSchemas();
        return AppPackager.LoadSchema(AppPackager.SchemaFolder(ManifestFolder, ManifestVersion), fileName);
    }

    /// <summary>
    /// A copy of manifest/ (without node_modules, which is linked) in a fresh temporary folder, for tests
    /// that break one file. Dispose deletes it.
    /// </summary>
    public static ScratchFolder Copy()
    {
        RequireSchemas();
        var scratch = new ScratchFolder();
        foreach (var file in Directory.GetFiles(ManifestFolder))
        {
            File.Copy(file, Path.Combine(scratch.Path, System.IO.Path.GetFileName(file)));
        }
        Directory.CreateSymbolicLink(Path.Combine(scratch.Path, "node_modules"), Path.Combine(ManifestFolder, "node_modules"));
        return scratch;
    }
}

internal sealed class ScratchFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("strategibot-package-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        // Remove links first, so deleting the folder can never reach into what they point at.
        foreach (var link in Directory.GetDirectories(Path).Where(d => new DirectoryInfo(d).LinkTarget is not null))
        {
            Directory.Delete(link);
        }
        Directory.Delete(Path, recursive: true);
    }
}
