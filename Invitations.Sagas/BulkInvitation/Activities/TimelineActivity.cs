using Invitations.Sagas.BulkInvitation.Ports;
using MassTransit;

namespace Invitations.Sagas.BulkInvitation.Activities;

/// <summary>
/// First activity of every handled event: it wraps the rest of the event's behavior, so it sees the
/// state before and after, and appends one timeline entry in the same transaction.
/// </summary>
public sealed class TimelineActivity<TMessage>(IBulkJobRows rows, SagaEventFacts note, TimeProvider clock)
    : IStateMachineActivity<BulkInvitationState, TMessage>
    where TMessage : class
{
    public void Probe(ProbeContext context) => context.CreateScope("timeline");

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);

    public async Task Execute(BehaviorContext<BulkInvitationState, TMessage> context, IBehavior<BulkInvitationState, TMessage> next)
    {
        var from = StateName(context.Saga.CurrentState);
        await next.Execute(context);
        var record = new TimelineRecord(
            context.Saga.CorrelationId,
            clock.GetUtcNow(),
            EventName(typeof(TMessage)),
            from,
            StateName(context.Saga.CurrentState),
            context.MessageId,
            note.Detail,
            note.Actor);
        await rows.AppendTimelineAsync(record, context.CancellationToken);
    }

    public Task Faulted<TException>(
        BehaviorExceptionContext<BulkInvitationState, TMessage, TException> context,
        IBehavior<BulkInvitationState, TMessage> next)
        where TException : Exception => next.Faulted(context);

    private static string StateName(string? state) => string.IsNullOrEmpty(state) ? "Initial" : state;

    private static string EventName(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{type.GetGenericArguments()[0].Name}>" : type.Name;
}
