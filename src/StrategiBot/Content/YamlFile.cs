using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StrategiBot.Content;

/// <summary>Reads a content YAML file as nodes that keep their line numbers, so every later check can name the line.</summary>
internal static class YamlFile
{
    /// <summary>The first document's root node, or null for an empty file; a syntax error names file and line.</summary>
    public static YamlNode? ReadRoot(string path)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = File.OpenText(path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new ContentException(path, (int)ex.Start.Line, (ex.InnerException ?? ex).Message);
        }
        return stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" }
            ? null
            : stream.Documents[0].RootNode;
    }
}
