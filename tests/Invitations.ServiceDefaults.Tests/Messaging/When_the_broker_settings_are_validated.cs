using Invitations.ServiceDefaults.Messaging;

namespace Invitations.ServiceDefaults.Tests.Messaging;

/// <summary>A broker address, node list or replica count that cannot work stops the process at start-up, saying which.</summary>
public sealed class When_the_broker_settings_are_validated
{
    private static readonly RabbitMqHostOptionsValidator Validator = new();

    [Test]
    public void Should_accept_a_uri_with_the_nodes_of_a_cluster()
    {
        var result = Validator.Validate(null, new RabbitMqOptions
        {
            Uri = "amqp://guest:guest@127.0.0.1:5681/",
            Nodes = ["127.0.0.1:5681", "localhost:5682", "rabbitmq-server-2.rabbitmq-nodes"],
        });

        Assert.That(result.Succeeded, Is.True, result.FailureMessage);
    }

    [TestCase("127.0.0.1:0")]
    [TestCase("127.0.0.1:70000")]
    [TestCase("127.0.0.1:port")]
    [TestCase("")]
    [TestCase("amqp://127.0.0.1:5672")]
    public void Should_refuse_a_node_that_is_not_host_or_host_and_port(string node)
    {
        var result = Validator.Validate(null, new RabbitMqOptions { Uri = "amqp://guest:guest@127.0.0.1/", Nodes = ["127.0.0.1:5681", node] });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("RabbitMq:Nodes").And.Contain($"'{node}'"));
    }

    [TestCase("")]
    [TestCase("http://127.0.0.1:5672/")]
    [TestCase("127.0.0.1:5672")]
    public void Should_refuse_a_uri_that_is_not_amqp(string uri)
    {
        var result = Validator.Validate(null, new RabbitMqOptions { Uri = uri });

        Assert.That(result.FailureMessage, Does.Contain("RabbitMq:Uri"));
    }

    [Test]
    public void Should_refuse_quorum_queues_without_a_replica()
    {
        var result = Validator.Validate(null, new RabbitMqOptions { Uri = "amqp://127.0.0.1/", QuorumInitialGroupSize = 0 });

        Assert.That(result.FailureMessage, Does.Contain("RabbitMq:QuorumInitialGroupSize"));
    }
}
