using System.Data.Common;
using Invitations.Contracts.BulkInvitations;
using Invitations.Contracts.Dealers;
using Invitations.Sagas.BulkInvitation.Messages;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Invitations.Sagas.BulkInvitation;

/// <summary>
/// One hot saga instance receives thousands of outcomes: a partitioner keyed by the job id runs one
/// job's messages one at a time inside a worker (different jobs still run in parallel), so they queue in
/// memory instead of waiting on the saga row's lock; across workers the repository's row lock
/// serialises them. Serialization failures, deadlocks and a lost insert race are retried.
/// </summary>
public sealed class BulkInvitationStateDefinition : SagaDefinition<BulkInvitationState>
{
    private readonly int _concurrency;

    public BulkInvitationStateDefinition(IOptions<SagaOptions> options)
    {
        _concurrency = Math.Max(1, options.Value.ConcurrentMessageLimit);
        ConcurrentMessageLimit = _concurrency;
        Endpoint(e => e.PrefetchCount = _concurrency * 4);
    }

    protected override void ConfigureSaga(
        IReceiveEndpointConfigurator endpointConfigurator,
        ISagaConfigurator<BulkInvitationState> sagaConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Handle<Exception>(IsTransient);
            r.Exponential(8, TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(50));
        });
        endpointConfigurator.UseInMemoryOutbox(context);

        var partition = endpointConfigurator.CreatePartitioner(_concurrency);
        sagaConfigurator.Message<BulkInvitationSubmitted>(x => x.UsePartitioner(partition, m => m.Message.BulkJobId));
        sagaConfigurator.Message<DealerOutcomesRecorded>(x => x.UsePartitioner(partition, m => m.Message.BulkJobId));
        sagaConfigurator.Message<Fault<InviteDealer>>(x => x.UsePartitioner(partition, m => m.Message.Message.BulkJobId));
        sagaConfigurator.Message<CancelBulkInvitation>(x => x.UsePartitioner(partition, m => m.Message.BulkJobId));
        sagaConfigurator.Message<RetryFailedDealers>(x => x.UsePartitioner(partition, m => m.Message.BulkJobId));
        sagaConfigurator.Message<BulkInvitationProgressTick>(x => x.UsePartitioner(partition, m => m.Message.BulkJobId));
        sagaConfigurator.Message<BulkInvitationStallCheck>(x => x.UsePartitioner(partition, m => m.Message.BulkJobId));
        sagaConfigurator.Message<BulkInvitationSweep>(x => x.UsePartitioner(partition, m => m.Message.BulkJobId));
    }

    /// <summary>40001 serialization failure, 40P01 deadlock, 23505 two first messages inserting the same saga, 55P03 lock timeout.</summary>
    private static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException { SqlState: "40001" or "40P01" or "23505" or "55P03" })
            {
                return true;
            }
        }

        return false;
    }
}
