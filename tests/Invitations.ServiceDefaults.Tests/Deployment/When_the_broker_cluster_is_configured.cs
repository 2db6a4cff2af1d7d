using YamlDotNet.RepresentationModel;

namespace Invitations.ServiceDefaults.Tests.Deployment;

/// <summary>The compose stack and the Kubernetes manifests give every process the broker cluster's three nodes.</summary>
public sealed class When_the_broker_cluster_is_configured
{
    private static readonly YamlMappingNode Services =
        (YamlMappingNode)RepositoryFiles.ReadYaml("deploy/compose/compose.yaml")[0]["services"];

    [TestCase("api")]
    [TestCase("worker")]
    [TestCase("migrate")]
    public void Should_give_each_compose_service_the_three_brokers_of_one_cluster(string service)
    {
        var nodes = Enumerable.Range(0, 3).Select(i => Environment(service)[$"RabbitMq__Nodes__{i}"].Split(':')[0]).ToList();
        var brokers = nodes.Select(n => (YamlMappingNode)Services[n]).ToList();
        var clusterConf = RepositoryFiles.Read("deploy/compose/rabbitmq-cluster.conf");

        Assert.That(nodes, Is.Unique);
        Assert.That(brokers.Select(b => b["hostname"].ToString()), Is.EqualTo(nodes), "each broker's node name follows its host name");
        Assert.That(nodes.Select(n => clusterConf.Contains($"= rabbit@{n}", StringComparison.Ordinal)), Has.All.True, "the nodes find each other");
        Assert.That(nodes.Select(n => Environment(n)["RABBITMQ_ERLANG_COOKIE"]).Distinct().Count(), Is.EqualTo(1), "one Erlang cookie");
        Assert.That(Environment(service)["RabbitMq__QuorumInitialGroupSize"], Is.EqualTo("3"));
    }

    [Test]
    public void Should_list_the_operators_three_pods_in_the_kubernetes_configuration()
    {
        var data = (YamlMappingNode)RepositoryFiles.ReadYaml("deploy/k8s/configmap.yaml")[0]["data"];
        var values = data.Children.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value.ToString());

        Assert.That(Enumerable.Range(0, 3).Select(i => values[$"RabbitMq__Nodes__{i}"]), Is.Unique.And.All.Contains(".rabbitmq-nodes:"));
        Assert.That(values["RabbitMq__QuorumInitialGroupSize"], Is.EqualTo("3"));
    }

    private static Dictionary<string, string> Environment(string service) =>
        ((YamlMappingNode)((YamlMappingNode)Services[service])["environment"]).Children.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value.ToString());
}
