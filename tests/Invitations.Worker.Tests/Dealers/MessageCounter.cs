using System.Collections.Concurrent;
using Invitations.Sagas.BulkInvitation.Messages;
using MassTransit;

namespace Invitations.Worker.Tests.Dealers;

/// <summary>
/// Counts, per job, the outcome reports the saga received (rows reported by a group, outcome events coalesced
/// by the batch consumer) and the saga messages published and consumed, so a test can wait until every
/// outcome has gone all the way through the saga.
/// </summary>
public sealed class MessageCounter : IConsumeObserver, IPublishObserver
{
    private readonly ConcurrentDictionary<(Guid Job, string Kind), int> _counts = new();

    public int OutcomesReported(Guid jobId) => Get(jobId, "outcome-reported");

    /// <summary>Every batched saga message published for the job has been handled by the saga.</summary>
    public bool SagaCaughtUp(Guid jobId) => Get(jobId, "batch-published") == Get(jobId, "batch-consumed");

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.Message is DealerOutcomesRecorded m)
        {
            Add(m.BulkJobId, "batch-consumed");
            Add(m.BulkJobId, "outcome-reported", m.Reports);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    public Task PrePublish<T>(PublishContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context)
        where T : class
    {
        if (context.Message is DealerOutcomesRecorded m)
        {
            Add(m.BulkJobId, "batch-published");
        }

        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;

    private int Get(Guid jobId, string kind) => _counts.GetValueOrDefault((jobId, kind));

    private void Add(Guid jobId, string kind, int count = 1) => _counts.AddOrUpdate((jobId, kind), count, (_, n) => n + count);
}
