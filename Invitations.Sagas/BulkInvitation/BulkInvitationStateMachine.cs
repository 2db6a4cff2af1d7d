using Invitations.Contracts.BulkInvitations;
using Invitations.Contracts.Dealers;
using Invitations.Sagas.BulkInvitation.Activities;
using Invitations.Sagas.BulkInvitation.Messages;
using MassTransit;

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
        Event(() => StallCheck, x => x.CorrelateById(m => m.Message.BulkJobId));
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
                .Activity(x => x.OfType<ScheduleStallCheckActivity<BulkInvitationSubmitted>>()),
            When(Cancel)
                .Activity(x => x.OfType<TimelineActivity<CancelBulkInvitation>>())
                .Activity(x => x.OfType<CancelJobActivity>())
                .Activity(x => x.OfType<CountOutcomesActivity<CancelBulkInvitation>>())
                .TransitionTo(Cancelled)
                .Activity(x => x.OfType<CompleteJobActivity<CancelBulkInvitation>>()));

        During(Processing,
            When(OutcomesRecorded)
                .Activity(x => x.OfType<TimelineActivity<DealerOutcomesRecorded>>())
                .Activity(x => x.OfType<RecordOutcomesActivity>())
                .Activity(x => x.OfType<CountOutcomesActivity<DealerOutcomesRecorded>>())
                .Activity(x => x.OfType<ProgressActivity<DealerOutcomesRecorded>>())
                .If(IsFinished, done => Finish(done)),
            When(DealerFaulted)
                .Activity(x => x.OfType<TimelineActivity<Fault<InviteDealer>>>())
                .Activity(x => x.OfType<RecordDealerFaultActivity>())
                .Activity(x => x.OfType<CountOutcomesActivity<Fault<InviteDealer>>>())
                .Activity(x => x.OfType<ProgressActivity<Fault<InviteDealer>>>())
                .If(IsFinished, done => Finish(done)),
            When(ProgressTick)
                .Activity(x => x.OfType<ProgressActivity<BulkInvitationProgressTick>>()),
            When(StallCheck, IsCurrentCheck)
                .Activity(x => x.OfType<TimelineActivity<BulkInvitationStallCheck>>())
                .Activity(x => x.OfType<CountOutcomesActivity<BulkInvitationStallCheck>>())
                .IfElse(
                    IsFinished,
                    done => Finish(done),
                    waiting => waiting
                        .Activity(x => x.OfType<StallCheckActivity>())
                        .Activity(x => x.OfType<ScheduleStallCheckActivity<BulkInvitationStallCheck>>())),
            Ignore(StallCheck, check => !IsCurrentCheck(check)),
            When(Sweep, IsStillQuiet)
                .Activity(x => x.OfType<TimelineActivity<BulkInvitationSweep>>())
                .Activity(x => x.OfType<CountOutcomesActivity<BulkInvitationSweep>>())
                .IfElse(
                    IsFinished,
                    done => Finish(done),
                    waiting => waiting
                        .Activity(x => x.OfType<SweepActivity>())
                        .Activity(x => x.OfType<ProgressActivity<BulkInvitationSweep>>())
                        .Activity(x => x.OfType<ScheduleStallCheckActivity<BulkInvitationSweep>>())),
            Ignore(Sweep, sweep => !IsStillQuiet(sweep)),
            When(Cancel)
                .Activity(x => x.OfType<TimelineActivity<CancelBulkInvitation>>())
                .Activity(x => x.OfType<CancelJobActivity>())
                .Activity(x => x.OfType<CountOutcomesActivity<CancelBulkInvitation>>())
                .TransitionTo(Cancelled)
                .Then(DisarmStallCheck)
                .Activity(x => x.OfType<CompleteJobActivity<CancelBulkInvitation>>()),
            Ignore(RetryFailed));

        // Late or repeated outcomes after the end are still recorded (a row skipped by a cancel may have
        // been done already) but never reopen the job.
        During(Completed, PartialSuccess, Failed, Cancelled,
            When(OutcomesRecorded)
                .Activity(x => x.OfType<TimelineActivity<DealerOutcomesRecorded>>())
                .Activity(x => x.OfType<RecordOutcomesActivity>())
                .Activity(x => x.OfType<CountOutcomesActivity<DealerOutcomesRecorded>>()),
            When(DealerFaulted)
                .Activity(x => x.OfType<TimelineActivity<Fault<InviteDealer>>>())
                .Activity(x => x.OfType<RecordDealerFaultActivity>())
                .Activity(x => x.OfType<CountOutcomesActivity<Fault<InviteDealer>>>()),
            Ignore(ProgressTick),
            Ignore(StallCheck),
            Ignore(Sweep),
            Ignore(Cancel));

        During(Completed, PartialSuccess, Failed,
            When(RetryFailed)
                .Activity(x => x.OfType<TimelineActivity<RetryFailedDealers>>())
                .Activity(x => x.OfType<RetryFailedActivity>())
                .Activity(x => x.OfType<CountOutcomesActivity<RetryFailedDealers>>())
                .If(HasWork, again => again
                    .TransitionTo(Processing)
                    .Activity(x => x.OfType<ScheduleStallCheckActivity<RetryFailedDealers>>())));

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
    public Event<BulkInvitationStallCheck> StallCheck { get; private set; } = null!;
    public Event<BulkInvitationSweep> Sweep { get; private set; } = null!;

    private static bool IsFinished<T>(BehaviorContext<BulkInvitationState, T> context)
        where T : class => context.Saga.ProcessedDealers >= context.Saga.TotalDealers;

    private static bool HasWork<T>(BehaviorContext<BulkInvitationState, T> context)
        where T : class => context.Saga.ProcessedDealers < context.Saga.TotalDealers;

    private static bool IsCurrentCheck(BehaviorContext<BulkInvitationState, BulkInvitationStallCheck> context) =>
        context.Saga.StallCheckTokenId == context.Message.CheckId;

    /// <summary>Several sweeps of one quiet spell (two Workers, a saga endpoint that was away) act once.</summary>
    private static bool IsStillQuiet(BehaviorContext<BulkInvitationState, BulkInvitationSweep> context) =>
        context.Saga.LastOutcomeAt == context.Message.QuietSince;

    /// <summary>A check already scheduled will not match any more and is ignored when it arrives.</summary>
    private static void DisarmStallCheck(BehaviorContext<BulkInvitationState> context) => context.Saga.StallCheckTokenId = null;

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
            .Then(DisarmStallCheck)
            .Activity(x => x.OfType<CompleteJobActivity<T>>());
}
