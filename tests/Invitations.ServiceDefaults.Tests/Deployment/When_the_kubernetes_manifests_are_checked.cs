using YamlDotNet.RepresentationModel;

namespace Invitations.ServiceDefaults.Tests.Deployment;

public sealed class When_the_kubernetes_manifests_are_checked
{
    [TestCase("deploy/k8s/api.yaml", "Invitations.Api")]
    [TestCase("deploy/k8s/worker.yaml", "Invitations.Worker")]
    [TestCase("deploy/k8s/migrate-job.yaml", "Invitations.Worker")]
    public void Should_give_each_container_every_required_setting_by_reference(string manifest, string project)
    {
        var container = Containers(manifest).Single();
        var configMap = RepositoryFiles.ReadYaml("deploy/k8s/configmap.yaml")[0];
        var fromConfigMap = ((YamlMappingNode)configMap["data"]).Children.Keys.Select(k => k.ToString());
        var env = container.Children.TryGetValue("env", out var e)
            ? ((YamlSequenceNode)e).Children.Cast<YamlMappingNode>().ToList()
            : [];
        var names = env.Select(v => v["name"].ToString()).Concat(fromConfigMap).ToList();

        Assert.That(names, Is.SupersetOf(RepositoryFiles.RequiredSettings(project)));
        var secrets = env.Where(v => v["name"].ToString() is "ConnectionStrings__Invitations" or "RabbitMq__Uri" or "Auth__SigningKey").ToList();
        Assert.That(secrets, Is.Not.Empty);
        Assert.That(secrets.Select(v => v.Children.ContainsKey("valueFrom") && !v.Children.ContainsKey("value")), Has.All.True,
            "secrets come from a Secret by reference, never inline");
    }

    [TestCase("deploy/k8s/api.yaml")]
    [TestCase("deploy/k8s/worker.yaml")]
    public void Should_probe_the_health_endpoints_the_services_serve(string manifest)
    {
        var container = Containers(manifest).Single();

        Assert.That(ProbePath(container, "readinessProbe"), Is.EqualTo("/health/ready"));
        Assert.That(ProbePath(container, "livenessProbe"), Is.EqualTo("/health/live"));
        Assert.That(container["resources"]["requests"], Is.Not.Null);
        Assert.That(container["resources"]["limits"], Is.Not.Null);
    }

    [TestCase("deploy/k8s/api.yaml")]
    [TestCase("deploy/k8s/worker.yaml")]
    public void Should_restart_a_process_that_fails_liveness_within_half_a_minute(string manifest)
    {
        // RabbitMq:EndpointStuckLimit (60 s) plus this must stay well inside the 2 minutes a job has to end after a fault.
        var probe = Containers(manifest).Single()["livenessProbe"];
        var period = int.Parse(probe["periodSeconds"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
        var failures = int.Parse(probe["failureThreshold"].ToString(), System.Globalization.CultureInfo.InvariantCulture);

        Assert.That(period * failures, Is.LessThanOrEqualTo(30));
    }

    [Test]
    public void Should_autoscale_the_workers()
    {
        var hpa = RepositoryFiles.ReadYaml("deploy/k8s/worker.yaml").Single(d => d["kind"].ToString() == "HorizontalPodAutoscaler");

        Assert.That(hpa["spec"]["scaleTargetRef"]["name"].ToString(), Is.EqualTo("invitations-worker"));
        Assert.That(int.Parse(hpa["spec"]["maxReplicas"].ToString(), System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(2));
    }

    private static string ProbePath(YamlMappingNode container, string probe) => container[probe]["httpGet"]["path"].ToString();

    private static IEnumerable<YamlMappingNode> Containers(string manifest) =>
        RepositoryFiles.ReadYaml(manifest)
            .Where(d => d["kind"].ToString() is "Deployment" or "Job")
            .SelectMany(d => ((YamlSequenceNode)d["spec"]["template"]["spec"]["containers"]).Children.Cast<YamlMappingNode>());
}
