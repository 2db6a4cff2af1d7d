using Invitations.Contracts.BulkInvitations;
using Invitations.Contracts.Dealers;
using Invitations.Sagas.BulkInvitation.Activities;
using Invitations.Sagas.BulkInvitation.Messages;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Invitations.Sagas.BulkInvitation;

/// <summary>
/// One bulk job: dispatches its rows, counts each row's outcome once, throttles progress, completes,
/// cancels and retries. The dealer consumer records each row's outcome; the saga hears of them in batches
/// and recounts the rows (see <see cref="Activities.CountOutcomesActivity{TMessage}"/>). The activities write
/// through the consume scope's database context, so they commit with the saga row.
/// </summary>
public sealed class BulkInvitationStateMachine : MassTransitStateMachine<BulkInvitationState>
{
    public BulkInvitationStateMachine()
    {
        InstanceState(x => x.CurrentState);

        Event(() => Submitted, x => x.CorrelateById(m => m.Message.BulkJobId));
        Event(() => OutcomesRecorded, x => x.CorrelateById(m => m.Message.BulkJobId));
        Event(() => DealerFaulted, x => x.CorrelateById(m => m.Message.Message.BulkJobId));
        Event(() => Cancel, x => x.CorrelateById(m => m.Message.BulkJobId));
        Event(() => RetryFailed, x => x.CorrelateById(m => m.Message.BulkJobId));
        Event(() => ProgressTick, x => x.CorrelateById(m => m.Message.BulkJobId));
        Schedule(() => StallCheckTimeout, x => x.StallCheckTokenId, s =>
        {
            s.Delay = new SagaOptions().StallTimeout;
            s.DelayProvider = StallTimeout;
            s.Received = r => r.CorrelateById(m => m.Message.BulkJobId);
        });
        Event(() => Sweep, x =>
        {
            x.CorrelateById(m => m.Message.BulkJobId);
            x.OnMissingInstance(m => m.Discard());
        });

        Initially(
            When(Submitted)
                .Activity(x => x.OfType<TimelineActivity<BulkInvitationSubmitted>>())
                .Activity(x => x.OfType<StartJobActivity>())
                .TransitionTo(Processing)
                .ArmStallCheck(this),
            NoteDoCount<CancelBulkInvitation, CancelJobActivity>(When(Cancel))
                .TransitionTo(Cancelled)
                .Activity(x => x.OfType<CompleteJobActivity<CancelBulkInvitation>>()));

        During(Processing,
            NoteDoCount<DealerOutcomesRecorded, RecordOutcomesActivity>(When(OutcomesRecorded))
                .Activity(x => x.OfType<ProgressActivity<DealerOutcomesRecorded>>())
                .If(IsFinished, done => Finish(done)),
            NoteDoCount<Fault<InviteDealer>, RecordDealerFaultActivity>(When(DealerFaulted))
                .Activity(x => x.OfType<ProgressActivity<Fault<InviteDealer>>>())
                .If(IsFinished, done => Finish(done)),
            When(ProgressTick)
                .Activity(x => x.OfType<ProgressActivity<BulkInvitationProgressTick>>()),
            // Only the current check gets here: MassTransit drops one whose scheduling token is not the saga's.
            NoteCount(When(StallCheckTimeout.Received))
                .IfElse(
                    IsFinished,
                    done => Finish(done),
                    waiting => waiting
                        .Activity(x => x.OfType<StallCheckActivity>())
                        .ArmStallCheck(this)),
            NoteCount(When(Sweep, IsStillQuiet))
                .IfElse(
                    IsFinished,
                    done => Finish(done),
                    waiting => waiting
                        .Activity(x => x.OfType<SweepActivity>())
                        .Activity(x => x.OfType<ProgressActivity<BulkInvitationSweep>>())
                        .ArmStallCheck(this)),
            Ignore(Sweep, sweep => !IsStillQuiet(sweep)),
            NoteDoCount<CancelBulkInvitation, CancelJobActivity>(When(Cancel))
                .TransitionTo(Cancelled)
                .DisarmStallCheck(this)
                .Activity(x => x.OfType<CompleteJobActivity<CancelBulkInvitation>>()),
            Ignore(RetryFailed));

        // Late or repeated outcomes after the end are still recorded (a row skipped by a cancel may have
        // been done already) but never reopen the job.
        During(Completed, PartialSuccess, Failed, Cancelled,
            NoteDoCount<DealerOutcomesRecorded, RecordOutcomesActivity>(When(OutcomesRecorded)),
            NoteDoCount<Fault<InviteDealer>, RecordDealerFaultActivity>(When(DealerFaulted)),
            Ignore(ProgressTick),
            Ignore(StallCheckTimeout.Received),
            Ignore(Sweep),
            Ignore(Cancel));

        During(Completed, PartialSuccess, Failed,
            NoteDoCount<RetryFailedDealers, RetryFailedActivity>(When(RetryFailed))
                .If(HasWork, again => again
                    .TransitionTo(Processing)
                    .ArmStallCheck(this)));

        During(Cancelled, Ignore(RetryFailed));

        DuringAny(Ignore(Submitted));
    }

    public State Processing { get; private set; } = null!;
    public State Completed { get; private set; } = null!;
    public State PartialSuccess { get; private set; } = null!;
    public State Failed { get; private set; } = null!;
    public State Cancelled { get; private set; } = null!;

    public Event<BulkInvitationSubmitted> Submitted { get; private set; } = null!;
    public Event<DealerOutcomesRecorded> OutcomesRecorded { get; private set; } = null!;
    public Event<Fault<InviteDealer>> DealerFaulted { get; private set; } = null!;
    public Event<CancelBulkInvitation> Cancel { get; private set; } = null!;
    public Event<RetryFailedDealers> RetryFailed { get; private set; } = null!;
    public Event<BulkInvitationProgressTick> ProgressTick { get; private set; } = null!;
    public Schedule<BulkInvitationState, BulkInvitationStallCheck> StallCheckTimeout { get; private set; } = null!;
    public Event<BulkInvitationSweep> Sweep { get; private set; } = null!;

    private static bool IsFinished<T>(BehaviorContext<BulkInvitationState, T> context)
        where T : class => context.Saga.ProcessedDealers >= context.Saga.TotalDealers;

    private static bool HasWork<T>(BehaviorContext<BulkInvitationState, T> context)
        where T : class => context.Saga.ProcessedDealers < context.Saga.TotalDealers;

    /// <summary>Read per check, so a changed <see cref="SagaOptions.StallTimeout"/> applies to the next one armed.</summary>
    private static TimeSpan StallTimeout(BehaviorContext<BulkInvitationState> context) =>
        context.TryGetPayload<IServiceProvider>(out var services)
            ? services.GetRequiredService<IOptions<SagaOptions>>().Value.StallTimeout
            : new SagaOptions().StallTimeout;

    /// <summary>Several sweeps of one quiet spell (two Workers, a saga endpoint that was away) act once.</summary>
    private static bool IsStillQuiet(BehaviorContext<BulkInvitationState, BulkInvitationSweep> context) =>
        context.Saga.LastOutcomeAt == context.Message.QuietSince;

    /// <summary>
    /// What every event that can move a row does, in this order: its timeline entry (<see cref="TimelineActivity{T}"/>,
    /// which the event's own work adds details to), that work, then the recount of what moved.
    /// </summary>
    private static EventActivityBinder<BulkInvitationState, T> NoteDoCount<T, TWork>(EventActivityBinder<BulkInvitationState, T> binder)
        where T : class
        where TWork : class, IStateMachineActivity<BulkInvitationState, T> =>
        binder
            .Activity(x => x.OfType<TimelineActivity<T>>())
            .Activity(x => x.OfType<TWork>())
            .Activity(x => x.OfType<CountOutcomesActivity<T>>());

    /// <summary>An event with no work of its own (a stall check, a sweep): its timeline entry, then a recount of the job.</summary>
    private static EventActivityBinder<BulkInvitationState, T> NoteCount<T>(EventActivityBinder<BulkInvitationState, T> binder)
        where T : class =>
        binder
            .Activity(x => x.OfType<TimelineActivity<T>>())
            .Activity(x => x.OfType<CountOutcomesActivity<T>>());

    /// <summary>Every row has an outcome: the final state follows from the counters.</summary>
    private EventActivityBinder<BulkInvitationState, T> Finish<T>(EventActivityBinder<BulkInvitationState, T> binder)
        where T : class =>
        binder
            .IfElse(
                c => c.Saga.SucceededDealers == c.Saga.TotalDealers,
                all => all.TransitionTo(Completed),
                some => some.IfElse(
                    c => c.Saga.SucceededDealers == 0,
                    none => none.TransitionTo(Failed),
                    partial => partial.TransitionTo(PartialSuccess)))
            .DisarmStallCheck(this)
            .Activity(x => x.OfType<CompleteJobActivity<T>>());
}
