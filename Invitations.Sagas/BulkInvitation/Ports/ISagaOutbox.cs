using MassTransit;

namespace Invitations.Sagas.BulkInvitation.Ports;

/// <summary>
/// Where the saga's publishes go when the process has a transactional outbox: written in the saga's own
/// transaction, delivered after its commit (at once, or at <c>at</c> for a timer). Without one they are
/// published through the consume context as before.
/// </summary>
public interface ISagaOutbox
{
    void Publish<T>(ConsumeContext context, T message, DateTimeOffset? at = null)
        where T : class;

    /// <summary>
    /// A message scheduler for <paramref name="context"/> whose timers are rows of the same transaction, and whose
    /// cancellations delete them in it: what MassTransit's <c>Schedule</c>/<c>Unschedule</c> use inside the saga.
    /// </summary>
    MessageSchedulerContext Scheduler(ConsumeContext context);
}
