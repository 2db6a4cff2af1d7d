using System.Text.Json;
using Invitations.Testing;

namespace Invitations.System.Tests.Cluster;

/// <summary>
/// A 2,000-dealer job on the three-node cluster with two Workers and two Apis, on the shipped default timings, while
/// the node that leads the busiest queue (<c>invite-dealer</c>, one message per dealer; every process starts on the
/// first node, so it also holds their connections) is lost: killed, and after it came back, another stopped as an
/// operator would. Quorum queues of three keep every confirmed message; each process reconnects to the next node.
/// </summary>
[Category(LocalCluster.Category)]
[NonParallelizable]
public sealed class When_a_cluster_node_is_lost_mid_job
{
    private const int Dealers = 2000;
    private const string BusiestQueue = "invite-dealer";
    private TestInfrastructure _infrastructure = null!;

    [OneTimeSetUp]
    public async Task StartInfrastructure()
    {
        LocalCluster.Require();
        _infrastructure = await TestInfrastructure.StartAsync("cluster", LocalCluster.Uri, LocalCluster.Management);
    }

    [OneTimeTearDown]
    public async Task StopInfrastructure()
    {
        if (_infrastructure is not null)
        {
            await LocalCluster.StartAllAsync();
            await _infrastructure.DisposeAsync();
        }
    }

    /// <summary>The same job with every node up: what the two losses are measured against (printed, not asserted).</summary>
    [Test]
    public async Task Should_finish_every_dealer_once_with_every_node_up()
    {
        await using var rig = await ClusterRig.StartAsync(_infrastructure);
        var jobId = await rig.UploadAsync(Dealers);
        var status = await rig.WaitUntilFinalAsync(jobId, TimeSpan.FromMinutes(6));

        await TestContext.Out.WriteLineAsync($"no node lost: {await rig.TimingsAsync(jobId, DateTime.UtcNow)}");
        Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("Completed"));
        Assert.That(status.GetProperty("successfulInvitations").GetInt32(), Is.EqualTo(Dealers));
        await rig.AssertInvariantsAsync(jobId);
        var accepted = await rig.Gateway.AcceptedPerPhoneAsync();
        Assert.That(accepted, Has.Count.EqualTo(Dealers), "every dealer got an SMS");
        Assert.That(accepted.Values, Is.All.EqualTo(1), "one SMS per dealer");
    }

    [Test]
    public async Task Should_finish_every_dealer_once_when_the_leading_node_is_killed() =>
        await RunJobLosingLeaderAsync(LocalCluster.KillAsync, "killed (SIGKILL)");

    [Test]
    public async Task Should_rejoin_the_lost_node_and_finish_every_dealer_once_when_another_is_stopped()
    {
        await LocalCluster.StartAllAsync();
        var queues = await LocalCluster.QueuesAsync(ClusterRig.VirtualHostOf(_infrastructure));
        Assert.That(queues.Where(q => q.Type == "quorum").Select(q => q.Members.Count), Is.All.EqualTo(3),
            "the node that came back is a member of every quorum queue again");

        await RunJobLosingLeaderAsync(LocalCluster.StopAsync, "stopped (rabbitmqctl stop)");
    }

    private async Task RunJobLosingLeaderAsync(Func<int, Task> lose, string how)
    {
        await using var rig = await ClusterRig.StartAsync(_infrastructure);
        var queues = await LocalCluster.QueuesAsync(rig.VirtualHost);
        var durable = queues.Where(q => q.Type == "quorum").ToList();
        Assert.That(durable.Select(q => q.Name), Does.Contain(BusiestQueue), "the dealers' queue is a quorum queue");
        Assert.That(durable.Select(q => q.Members.Count), Is.All.EqualTo(3), "every quorum queue is replicated on the three nodes");
        Assert.That(queues.Where(q => q.Type != "quorum").Select(q => q.Name), Has.All.Contains("bus").Or.Contains("progress"),
            "only the processes' own temporary queues are not quorum queues");
        var leader = durable.Single(q => q.Name == BusiestQueue).Leader ?? throw new InvalidOperationException($"{BusiestQueue} has no leader");

        var jobId = await rig.UploadAsync(Dealers);
        await rig.WaitUntilRowsDoneAsync(jobId, 100);
        var (firstBefore, secondBefore) = (rig.First.Progress(jobId).Count, rig.Second.Progress(jobId).Count);
        var lostAt = await rig.NowAsync();
        var leftAtLoss = await rig.RowsLeftAsync(jobId);
        await lose(leader);
        var status = await rig.WaitUntilFinalAsync(jobId, TimeSpan.FromMinutes(6));

        await TestContext.Out.WriteLineAsync($"node {leader} {how} with {leftAtLoss} of {Dealers} rows left: {await rig.TimingsAsync(jobId, lostAt)}");
        Assert.That(leftAtLoss, Is.Positive, "the node's loss began while the job was running");
        Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("Completed"));
        Assert.That(status.GetProperty("successfulInvitations").GetInt32(), Is.EqualTo(Dealers));
        Assert.That(status.GetProperty("failedInvitations").GetInt32(), Is.Zero);
        await rig.AssertInvariantsAsync(jobId);

        var accepted = await rig.Gateway.AcceptedPerPhoneAsync();
        Assert.That(accepted, Has.Count.EqualTo(Dealers), "every dealer got an SMS");
        Assert.That(accepted.Values, Is.All.EqualTo(1), "no dealer got a second SMS");

        var after = await LocalCluster.QueuesAsync(rig.VirtualHost);
        Assert.That(after.Where(q => q.Name.EndsWith("_error", StringComparison.Ordinal) && q.Messages > 0).Select(q => q.Name), Is.Empty,
            "no message went to an error queue");

        AssertProgressKeptComing(rig.First.Progress(jobId), firstBefore, "the first Api");
        AssertProgressKeptComing(rig.Second.Progress(jobId), secondBefore, "the second Api");
    }

    private static void AssertProgressKeptComing(IReadOnlyList<JsonElement> progress, int beforeLoss, string api)
    {
        Assert.That(progress, Has.Count.GreaterThan(beforeLoss), $"progress reached the sponsor through {api} after the loss");
        Assert.That(progress.Max(p => p.GetProperty("processedDealers").GetInt32()), Is.EqualTo(Dealers), $"{api} reported the whole job");
    }
}
