using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Invitations.ServiceDefaults.Tests.Deployment;

/// <summary>Reads the repository's own deployment files and settings, found from the test's directory.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    public static bool Exists(string relativePath) =>
        File.Exists(Path.Combine(Root, relativePath)) || Directory.Exists(Path.Combine(Root, relativePath));

    /// <summary>Every YAML document of a file, with merge keys (<c>&lt;&lt;: *anchor</c>) resolved.</summary>
    public static IReadOnlyList<YamlMappingNode> ReadYaml(string relativePath)
    {
        using var reader = new StringReader(Read(relativePath));
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(reader)));
        return stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
    }

    /// <summary>
    /// The settings a service cannot run without: keys whose value in its appsettings.json is empty, as
    /// environment variable names (<c>ConnectionStrings__Invitations</c>).
    /// </summary>
    public static IReadOnlyList<string> RequiredSettings(string project)
    {
        var json = JsonNode.Parse(Read(Path.Combine(project, "appsettings.json")))!.AsObject();
        var required = new List<string>();
        Collect(json, string.Empty, required);
        return required;
    }

    private static void Collect(JsonObject node, string prefix, List<string> required)
    {
        foreach (var (key, value) in node)
        {
            var name = prefix.Length == 0 ? key : $"{prefix}__{key}";
            if (value is JsonObject child)
            {
                Collect(child, name, required);
            }
            else if (value is JsonValue leaf && leaf.TryGetValue<string>(out var text) && text.Length == 0)
            {
                required.Add(name);
            }
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Invitations.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Invitations.sln not found above the test directory.");
    }
}
