using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Invitations.System.Tests.Cluster;

/// <summary>One queue as <c>rabbitmqctl list_queues name type leader members messages</c> reports it; nodes by number.</summary>
public sealed partial record ClusterQueue(string Name, string Type, int? Leader, IReadOnlyList<int> Members, long Messages)
{
    public static ClusterQueue From(JsonElement queue) => new(
        queue.GetProperty("name").GetString()!,
        queue.GetProperty("type").GetString()!,
        queue.TryGetProperty("leader", out var leader) && leader.ValueKind == JsonValueKind.String ? NodeNumber(leader.GetString()!) : null,
        queue.TryGetProperty("members", out var members) && members.ValueKind == JsonValueKind.Array
            ? members.EnumerateArray().Select(m => NodeNumber(m.GetString()!) ?? 0).Order().ToList()
            : [],
        queue.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Number ? messages.GetInt64() : 0);

    private static int? NodeNumber(string node) =>
        NodeName().Match(node) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex("^rabbit-c([0-9])@")]
    private static partial Regex NodeName();
}
