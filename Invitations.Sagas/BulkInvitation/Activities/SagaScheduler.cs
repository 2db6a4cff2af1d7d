using MassTransit;

namespace Invitations.Sagas.BulkInvitation.Activities;

/// <summary>
/// Schedules through the bus's message scheduler (our PostgreSQL-backed one in the Worker). Without a
/// scheduler on the endpoint the timers are skipped instead of failing the event: progress then only
/// moves with outcomes, and the stall guard is off.
/// </summary>
internal static class SagaScheduler
{
    public static async Task<bool> TrySchedulePublishAsync<T>(ConsumeContext context, TimeSpan delay, T message)
        where T : class
    {
        if (!context.TryGetPayload<MessageSchedulerContext>(out var scheduler))
        {
            return false;
        }

        await scheduler.SchedulePublish(DateTime.UtcNow + delay, message, context.CancellationToken);
        return true;
    }
}
