using System.Diagnostics;
using System.Threading.Channels;
using Invitations.Contracts.Dealers;
using Invitations.Sagas.BulkInvitation.Outcomes;
using Invitations.ServiceDefaults.Hosting;
using Invitations.ServiceDefaults.Messaging;
using Invitations.Worker.Faults;
using MassTransit;
using Microsoft.Extensions.Options;

namespace Invitations.Worker.Dealers;

/// <summary>
/// Gathers the InviteDealer deliveries a worker has in hand into groups done in one transaction each
/// (<see cref="DealerInvitationService.ProcessGroupAsync"/>). The group reports its rows' outcomes to the saga
/// in one message per job; then each delivery goes on as it would alone: it is acknowledged, retried or
/// faulted on its own. What a group cannot settle, and a delivery that finds nobody to group with, is done
/// alone and publishes its own outcome event. MassTransit's <c>Batch&lt;T&gt;</c> does not fit here: a batch is
/// retried, redelivered and faulted as one message, so one dealer's transient fault would repeat the whole
/// group and one rejection would fault every row of it; the saga's outcome events, which need none of that, do
/// use it (<c>DealerOutcomeBatchConsumer</c>).
/// </summary>
public sealed partial class DealerGroupBatcher(
    IServiceScopeFactory scopes, IBus bus, FaultInjection faults, TimeProvider clock, IOptions<DealerOptions> options,
    IOptions<RabbitMqOptions> broker, ILogger<DealerGroupBatcher> logger)
    : BackgroundService
{
    private readonly Channel<Member> _waiting = Channel.CreateUnbounded<Member>();

    /// <summary>The row's result from a group, or null: do it alone.</summary>
    public Task<DealerResult?> ProcessAsync(InviteDealer message, CancellationToken cancellationToken)
    {
        if (options.Value.GroupSize <= 1)
        {
            return Task.FromResult<DealerResult?>(null);
        }

        var member = new Member(message);
        return _waiting.Writer.TryWrite(member) ? member.Result.Task.WaitAsync(cancellationToken) : Task.FromResult<DealerResult?>(null);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.GroupSize <= 1)
        {
            return;
        }

        try
        {
            await Task.WhenAll(Enumerable.Range(0, Math.Max(1, settings.GroupConcurrency)).Select(_ => FormGroupsAsync(settings.GroupSize, stoppingToken)));
        }
        finally
        {
            // Stopping: whoever still waits is done alone (or, as the bus stops too, delivered again later).
            _waiting.Writer.TryComplete();
            while (_waiting.Reader.TryRead(out var member))
            {
                member.Result.TrySetResult(null);
            }
        }
    }

    private async Task FormGroupsAsync(int size, CancellationToken stoppingToken)
    {
        var group = new List<Member>(size);
        var rows = new HashSet<(Guid JobId, int RowNumber)>();
        try
        {
            while (await _waiting.Reader.WaitToReadAsync(stoppingToken))
            {
                group.Clear();
                rows.Clear();
                while (group.Count < size && _waiting.Reader.TryRead(out var member))
                {
                    if (rows.Add((member.Message.BulkJobId, member.Message.RowNumber)))
                    {
                        group.Add(member);
                    }
                    else
                    {
                        // A second copy of a row in the group: alone, it finds the group's SMS claim (or the row done).
                        member.Result.TrySetResult(null);
                    }
                }

                if (group.Count == 1)
                {
                    group[0].Result.TrySetResult(null);
                }
                else if (group.Count > 1)
                {
                    await RunAsync(group, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            foreach (var member in group)
            {
                member.Result.TrySetResult(null);
            }
        }
    }

    private async Task RunAsync(List<Member> group, CancellationToken stoppingToken)
    {
        // Traced under the first delivery's consume (the rows of a group mostly share one job, so one upload's
        // trace), linked to the others: its SQL shows where the dealers' work went.
        Activity.Current = group[0].Trace;
        using var activity = Telemetry.ActivitySource.StartActivity(
            "dealer group", ActivityKind.Internal, parentContext: default, links: group.Skip(1).Where(m => m.Trace is not null).Select(m => new ActivityLink(m.Trace!.Context)));
        activity?.SetTag("invitations.dealer_group.size", group.Count);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var service = scope.ServiceProvider.GetRequiredService<DealerInvitationService>();
            var results = await service.ProcessGroupAsync(group.ConvertAll(m => m.Message), stoppingToken);
            await ReportAsync(group, results, stoppingToken);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Result.TrySetResult(results[i] is { Kind: not DealerResultKind.NothingToReport } result ? result with { Reported = true } : results[i]);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogGroupFailed(logger, ex, group.Count);
            foreach (var member in group)
            {
                member.Result.TrySetException(ex);
            }
        }
    }

    /// <summary>
    /// The outcomes the group settled, to the saga, before any delivery is acknowledged: a crash before this
    /// leaves the deliveries to come again and report the recorded outcomes (as one row alone would).
    /// </summary>
    private async Task ReportAsync(List<Member> group, DealerResult?[] results, CancellationToken stoppingToken)
    {
        var reports = new List<DealerOutcomeReport>();
        var at = clock.GetUtcNow();
        for (var i = 0; i < group.Count; i++)
        {
            if (results[i] is { Kind: not DealerResultKind.NothingToReport } result)
            {
                faults.BeforeOutcomePublish(group[i].Message.RowNumber);
                reports.Add(new DealerOutcomeReport(group[i].Message.BulkJobId, group[i].Message.RowNumber, at, result.EmailMasked, result.Reason));
            }
        }

        using var deadline = broker.Value.SendDeadline(stoppingToken);
        await Task.WhenAll(DealerOutcomeReport.Coalesce(reports, at).Select(message => bus.Publish(message, deadline.Token)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group of {Count} dealers failed; each is retried")]
    private static partial void LogGroupFailed(ILogger logger, Exception exception, int count);

    private sealed record Member(InviteDealer Message)
    {
        /// <summary>The delivery's consume span, if it is traced.</summary>
        public Activity? Trace { get; } = Activity.Current;

        public TaskCompletionSource<DealerResult?> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
