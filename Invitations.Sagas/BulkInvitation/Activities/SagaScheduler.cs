using Invitations.Sagas.BulkInvitation.Ports;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Invitations.Sagas.BulkInvitation.Activities;

/// <summary>
/// Every publish and timer of the saga goes through here: into the transactional outbox where the process has one
/// (the Worker: <see cref="ISagaOutbox"/>, written with the saga row), else through the consume context and
/// the bus's message scheduler. MassTransit's own <c>Schedule</c>/<c>Unschedule</c> reach the outbox through the
/// consume context's <see cref="MessageSchedulerContext"/>, which <see cref="UseOutboxScheduler"/> replaces. Without
/// either, the timers are skipped instead of failing the event: progress then only moves with outcomes, and the
/// stall guard is off.
/// </summary>
internal static class SagaScheduler
{
    public static Task PublishAsync<T>(ConsumeContext context, T message)
        where T : class
    {
        if (Outbox(context) is { } outbox)
        {
            outbox.Publish(context, message);
            return Task.CompletedTask;
        }

        return context.Publish(message);
    }

    public static async Task<bool> TrySchedulePublishAsync<T>(ConsumeContext context, TimeSpan delay, T message)
        where T : class
    {
        if (Outbox(context) is { } outbox)
        {
            outbox.Publish(context, message, DateTimeOffset.UtcNow + delay);
            return true;
        }

        if (!context.TryGetPayload<MessageSchedulerContext>(out var scheduler))
        {
            return false;
        }

        await scheduler.SchedulePublish(DateTime.UtcNow + delay, message, context.CancellationToken);
        return true;
    }

    /// <summary>Points the context's message scheduler at the outbox, when the process has one.</summary>
    public static void UseOutboxScheduler(ConsumeContext context)
    {
        if (Outbox(context) is { } outbox)
        {
            context.AddOrUpdatePayload(() => outbox.Scheduler(context), _ => outbox.Scheduler(context));
        }
    }

    public static bool HasScheduler(ConsumeContext context) => context.TryGetPayload<MessageSchedulerContext>(out _);

    private static ISagaOutbox? Outbox(ConsumeContext context) =>
        context.TryGetPayload<IServiceProvider>(out var services) ? services.GetService<ISagaOutbox>() : null;
}
