using Npgsql;

namespace Invitations.Worker.Sms;

/// <summary>
/// Marks an invitation's first SMS sent the moment the gateway has taken it, one statement per gateway answer,
/// instead of when the whole group's sends are over. A group paced at the gateway's rate takes seconds; until
/// now a Worker that died in that time left every message it had already sent unsettled, so the row's next
/// delivery sent them again (same idempotency key, marked possibly sent twice), and a delivery report that came
/// back meanwhile found no message id to match (404, the gateway posts it again later). Resends keep their own
/// record (<c>sms_messages</c> and the resend consumer) and are not written here.
/// </summary>
public sealed partial class SmsSentRecorder(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<SmsSentRecorder> logger)
{
    /// <summary>No longer than this: the group settles every message again in its own transaction anyway.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    // Only an invitation not yet marked: the settlement that follows finds it sent and keeps the same values; the
    // attempt's lease is given up and it is no longer in doubt, so no take-over sends it again.
    private const string Sql = """
        UPDATE dealer_invitations d
        SET sms_sent_at = @at, sms_provider_message_id = u.provider, sms_claimed_until = NULL, sms_in_doubt = false
        FROM unnest(@ids, @providers) AS u(id, provider)
        WHERE d.id = u.id AND d.sms_sent_at IS NULL
        """;

    public async Task RecordAsync(IReadOnlyList<SmsRequest> requests, IReadOnlyList<SmsResult?> results, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>(requests.Count);
        var providers = new List<string?>(requests.Count);
        for (var k = 0; k < requests.Count; k++)
        {
            if (requests[k].ResendNumber == 0 && results[k] is { Error: null } sent)
            {
                ids.Add(requests[k].InvitationId);
                providers.Add(sent.ProviderMessageId);
            }
        }

        if (ids.Count == 0)
        {
            return;
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        try
        {
            await using var command = dataSource.CreateCommand(Sql);
            command.Parameters.AddWithValue("ids", ids.ToArray());
            command.Parameters.Add(new NpgsqlParameter<string?[]>("providers", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { TypedValue = [.. providers] });
            command.Parameters.AddWithValue("at", clock.GetUtcNow());
            await command.ExecuteNonQueryAsync(limit.Token);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Not a fault of the send: the message went out and the group's settlement records it.
            LogNotRecorded(logger, ids.Count, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} SMS taken by the gateway could not be marked sent at once ({Error}); the group's settlement marks them")]
    private static partial void LogNotRecorded(ILogger logger, int count, string error);
}
