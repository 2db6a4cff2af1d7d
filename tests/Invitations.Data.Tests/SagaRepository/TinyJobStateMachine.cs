using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using Invitations.Sagas.BulkInvitation;
using MassTransit;

namespace Invitations.Data.Tests.SagaRepository;

/// <summary>A tiny machine over the app's own saga state and DbContext; it finalizes when every dealer is done.</summary>
public sealed class TinyJobStateMachine : MassTransitStateMachine<BulkInvitationState>
{
    public TinyJobStateMachine()
    {
        InstanceState(x => x.CurrentState);
        Event(() => Submitted, e => e.CorrelateById(m => m.Message.BulkJobId));
        Event(() => Invited, e => e.CorrelateById(m => m.Message.BulkJobId));
        Event(() => Cancelled, e => e.CorrelateBy((saga, m) => saga.SponsorId == m.Message.SponsorId));

        Initially(
            When(Submitted)
                .Then(x => (x.Saga.SponsorId, x.Saga.TotalDealers) = (x.Message.SponsorId, x.Message.TotalDealers))
                .Then(x => Record(x, "Submitted"))
                .TransitionTo(Processing));

        During(Processing,
            When(Invited)
                .Then(x => x.Saga.SucceededDealers++)
                .Then(x => Record(x, "DealerInvited"))
                .If(x => x.Saga.ProcessedDealers >= x.Saga.TotalDealers, done => done.Finalize()),
            When(Cancelled).Then(x => Record(x, "Cancelled")).Finalize());

        SetCompletedWhenFinalized();
    }

    public State Processing { get; private set; } = null!;
    public Event<TinyJobSubmitted> Submitted { get; private set; } = null!;
    public Event<TinyDealerInvited> Invited { get; private set; } = null!;
    public Event<TinySponsorJobsCancelled> Cancelled { get; private set; } = null!;

    // Written through the consume scope's DbContext: commits with the saga row or not at all.
    private static void Record(BehaviorContext<BulkInvitationState> context, string name) =>
        context.GetServiceOrCreateInstance<InvitationsDbContext>().SagaTimeline.Add(new SagaTimelineEntry
        {
            JobId = context.Saga.CorrelationId,
            At = DateTimeOffset.UtcNow,
            Event = name,
            ToState = context.Saga.CurrentState,
            MessageId = context.MessageId,
        });
}
