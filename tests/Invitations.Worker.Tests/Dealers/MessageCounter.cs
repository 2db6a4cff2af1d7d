using System.Collections.Concurrent;
using Invitations.Contracts.Dealers;
using Invitations.Sagas.BulkInvitation.Messages;
using MassTransit;

namespace Invitations.Worker.Tests.Dealers;

/// <summary>
/// Counts, per job, the outcome events the worker consumed and the batched saga messages it published and
/// consumed, so a test can wait until every outcome has gone all the way through the saga.
/// </summary>
public sealed class MessageCounter : IConsumeObserver, IPublishObserver
{
    private readonly ConcurrentDictionary<(Guid Job, string Kind), int> _counts = new();

    public int OutcomesConsumed(Guid jobId) => Get(jobId, "outcome-consumed");

    /// <summary>Every batched saga message published for the job has been handled by the saga.</summary>
    public bool SagaCaughtUp(Guid jobId) => Get(jobId, "batch-published") == Get(jobId, "batch-consumed");

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        switch (context.Message)
        {
            case DealerInvited m:
                Add(m.BulkJobId, "outcome-consumed");
                break;
            case DealerInvitationFailed m:
                Add(m.BulkJobId, "outcome-consumed");
                break;
            case DealerOutcomesRecorded m:
                Add(m.BulkJobId, "batch-consumed");
                break;
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

    private void Add(Guid jobId, string kind) => _counts.AddOrUpdate((jobId, kind), 1, (_, n) => n + 1);
}
