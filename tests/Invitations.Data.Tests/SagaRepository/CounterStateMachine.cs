using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Data.Tests.SagaRepository;

/// <summary>
/// Counts each row once: the row is recorded through the consume scope's DbContext, in the saga's own
/// transaction, and only a newly recorded row moves the counter.
/// </summary>
public sealed class CounterStateMachine : MassTransitStateMachine<CounterState>
{
    public CounterStateMachine()
    {
        InstanceState(x => x.CurrentState);
        Event(() => Incremented, e => e.CorrelateById(m => m.Message.CounterId));
        Event(() => Opened, e => e.CorrelateById(m => m.Message.CounterId));
        Event(() => Broken, e => e.CorrelateById(m => m.Message.CounterId));

        Initially(
            When(Incremented).ThenAsync(CountRow).TransitionTo(Counting),
            When(Opened).Then(x => x.Saga.Opened = true).TransitionTo(Counting));

        During(Counting,
            When(Incremented).ThenAsync(CountRow),
            When(Opened).Then(x => x.Saga.Opened = true),
            When(Broken).ThenAsync(BreakAfterWriting));
    }

    public State Counting { get; private set; } = null!;
    public Event<CounterIncremented> Incremented { get; private set; } = null!;
    public Event<CounterOpened> Opened { get; private set; } = null!;
    public Event<CounterBroken> Broken { get; private set; } = null!;

    private static async Task CountRow(BehaviorContext<CounterState, CounterIncremented> context)
    {
        var db = context.GetServiceOrCreateInstance<CounterDbContext>();
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO saga_tests.counter_rows (counter_id, row_number) VALUES ({context.Message.CounterId}, {context.Message.RowNumber}) ON CONFLICT DO NOTHING",
            context.CancellationToken);
        if (inserted == 1)
        {
            context.Saga.Count++;
        }
    }

    private static async Task BreakAfterWriting(BehaviorContext<CounterState, CounterBroken> context)
    {
        var db = context.GetServiceOrCreateInstance<CounterDbContext>();
        db.Rows.Add(new CounterRow { CounterId = context.Message.CounterId, RowNumber = context.Message.RowNumber });
        await db.SaveChangesAsync(context.CancellationToken);
        context.Saga.Count += 1000;
        await context.Publish(new CounterNoticed { CounterId = context.Message.CounterId });
        throw new InvalidOperationException("The activity fails after writing.");
    }
}
