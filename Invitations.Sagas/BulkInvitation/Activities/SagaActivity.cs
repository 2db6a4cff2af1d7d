using MassTransit;

namespace Invitations.Sagas.BulkInvitation.Activities;

/// <summary>The plumbing every saga activity shares; subclasses only say what they do.</summary>
public abstract class SagaActivity<TMessage> : IStateMachineActivity<BulkInvitationState, TMessage>
    where TMessage : class
{
    public void Probe(ProbeContext context) => context.CreateScope(GetType().Name);

    public void Accept(StateMachineVisitor visitor) => visitor.Visit(this);

    public async Task Execute(BehaviorContext<BulkInvitationState, TMessage> context, IBehavior<BulkInvitationState, TMessage> next)
    {
        await Run(context);
        await next.Execute(context);
    }

    public Task Faulted<TException>(
        BehaviorExceptionContext<BulkInvitationState, TMessage, TException> context,
        IBehavior<BulkInvitationState, TMessage> next)
        where TException : Exception => next.Faulted(context);

    protected abstract Task Run(BehaviorContext<BulkInvitationState, TMessage> context);
}
