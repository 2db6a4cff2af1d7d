using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Invitations.ServiceDefaults.Tests.Deployment;

/// <summary>No Docker engine here: the compose file and Dockerfiles are checked statically.</summary>
public sealed partial class When_the_compose_stack_is_checked
{
    private static readonly YamlMappingNode Services =
        (YamlMappingNode)RepositoryFiles.ReadYaml("deploy/compose/compose.yaml")[0]["services"];

    [Test]
    public void Should_run_the_broker_the_database_a_trace_viewer_the_migration_the_api_and_workers()
    {
        var names = Services.Children.Keys.Select(k => k.ToString()).ToList();

        Assert.That(names, Is.SupersetOf(new[] { "postgres", "rabbitmq", "jaeger", "migrate", "api", "worker" }));
        Assert.That(Service("rabbitmq")["image"].ToString(), Does.Contain("management"));
        Assert.That(Ports("jaeger"), Has.Some.Contains(":4317"), "the OTLP receiver");
        Assert.That(Ports("api"), Has.Some.EndsWith(":8080"), "the Api listens on 8080 in its image");
        Assert.That(((YamlSequenceNode)Service("migrate")["command"]).Children.Select(c => c.ToString()), Is.EqualTo(new[] { "migrate" }));
    }

    [TestCase("api", "Invitations.Api")]
    [TestCase("worker", "Invitations.Worker")]
    [TestCase("migrate", "Invitations.Worker")]
    public void Should_give_each_service_every_setting_its_code_requires(string service, string project)
    {
        var environment = Environment(service);

        Assert.That(environment.Keys, Is.SupersetOf(RepositoryFiles.RequiredSettings(project)));
        Assert.That(environment, Does.ContainKey("OTEL_EXPORTER_OTLP_ENDPOINT"));
        Assert.That(environment["RabbitMq__QuorumQueues"], Is.EqualTo("true"));
    }

    [Test]
    public void Should_make_quorum_the_brokers_default_queue_type() =>
        Assert.That(Environment("rabbitmq")["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"], Does.Contain("default_queue_type quorum"));

    [TestCase("deploy/compose/Dockerfile.api", "Invitations.Api.dll")]
    [TestCase("deploy/compose/Dockerfile.worker", "Invitations.Worker.dll")]
    public void Should_build_in_stages_and_run_as_a_non_root_user(string dockerfile, string entryDll)
    {
        var lines = RepositoryFiles.Read(dockerfile).Split('\n').Select(l => l.Trim()).ToList();
        var lastFrom = lines.FindLastIndex(l => l.StartsWith("FROM ", StringComparison.Ordinal));
        var runtimeStage = lines.Skip(lastFrom).ToList();

        Assert.That(lines.Count(l => l.StartsWith("FROM ", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(2));
        var users = runtimeStage.Where(l => l.StartsWith("USER ", StringComparison.Ordinal)).ToList();
        Assert.That(users, Is.Not.Empty.And.None.EndsWith("root"));
        Assert.That(runtimeStage, Has.Some.Contains(entryDll));
        foreach (var source in lines.Select(l => CopySource().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value))
        {
            Assert.That(RepositoryFiles.Exists(source), Is.True, $"{dockerfile} copies {source}, which does not exist");
        }
    }

    private static YamlMappingNode Service(string name) => (YamlMappingNode)Services[name];

    private static List<string> Ports(string service) =>
        ((YamlSequenceNode)Service(service)["ports"]).Children.Select(p => p.ToString()).ToList();

    private static Dictionary<string, string> Environment(string service) =>
        ((YamlMappingNode)Service(service)["environment"]).Children.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value.ToString());

    // COPY <source> <dest>, but not COPY --from=stage.
    [GeneratedRegex(@"^COPY\s+(?!--from)(\S+)\s+\S+$")]
    private static partial Regex CopySource();
}
