using Invitations.Contracts.BulkInvitations;
using Invitations.Data.DealerInvitations;
using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using MassTransit;
using Npgsql;

namespace Invitations.Api.DealerInvitations;

/// <summary>
/// A dealer's answer to an invitation, in one transaction that holds the invitation's row lock: two answers
/// to one invitation (two accepts, accept and decline) and the Worker's expiry sweep, which skips locked rows,
/// take turns on it, so whichever comes second sees what the first did.
/// </summary>
public sealed class InvitationAnswerStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    internal const string Columns =
        "SELECT id, sponsor_id, bulk_job_id, type, status, dealer_name, email, phone, tier, code_count, expires_at, dealer_id FROM dealer_invitations WHERE token = @token";

    internal const string CodesSql = "SELECT code FROM sponsorship_codes WHERE invitation_id = @id ORDER BY id";

    public async Task<InvitationAnswer> ViewAsync(string token, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var invitation = await ReadAsync(connection, null, Columns, token, cancellationToken);
        return invitation is null ? new(InvitationAnswerKind.NotFound)
            : invitation.Status == InvitationStatus.Accepted ? new(InvitationAnswerKind.Done, invitation, await CodesAsync(connection, null, invitation.Id, cancellationToken))
            : new(Refusal(invitation, forAccept: true) ?? InvitationAnswerKind.Done, invitation);
    }

    public async Task<InvitationAnswer> AcceptAsync(string token, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var invitation = await ReadAsync(connection, transaction, Columns + " FOR UPDATE", token, cancellationToken);
        if (invitation is null)
        {
            return new(InvitationAnswerKind.NotFound);
        }

        if (invitation.Status == InvitationStatus.Accepted)
        {
            return new(InvitationAnswerKind.Done, invitation, await CodesAsync(connection, transaction, invitation.Id, cancellationToken));
        }

        if (Refusal(invitation, forAccept: true) is { } refusal)
        {
            return new(refusal, invitation);
        }

        var dealerId = await FindOrCreateDealerAsync(connection, transaction, invitation, cancellationToken);
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(Command(
                "UPDATE dealer_invitations SET status = @status, dealer_id = @dealer, answered_at = @at WHERE id = @id",
                ("status", InvitationStatus.Accepted.ToString()), ("dealer", dealerId), ("at", clock.GetUtcNow()), ("id", invitation.Id)));
            batch.BatchCommands.Add(Command("UPDATE sponsorship_codes SET dealer_id = @dealer WHERE invitation_id = @id", ("dealer", dealerId), ("id", invitation.Id)));
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        var codes = await CodesAsync(connection, transaction, invitation.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(InvitationAnswerKind.Done, invitation with { Status = InvitationStatus.Accepted, DealerId = dealerId }, codes) { Changed = true };
    }

    public async Task<InvitationAnswer> DeclineAsync(string token, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var invitation = await ReadAsync(connection, transaction, Columns + " FOR UPDATE", token, cancellationToken);
        if (invitation is null)
        {
            return new(InvitationAnswerKind.NotFound);
        }

        if (invitation.Status == InvitationStatus.Declined)
        {
            return new(InvitationAnswerKind.Done, invitation);
        }

        if (Refusal(invitation, forAccept: false) is { } refusal)
        {
            return new(refusal, invitation);
        }

        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(Command(
                "UPDATE dealer_invitations SET status = @status, answered_at = @at WHERE id = @id",
                ("status", InvitationStatus.Declined.ToString()), ("at", clock.GetUtcNow()), ("id", invitation.Id)));
            batch.BatchCommands.Add(Command(InvitationCodes.ReleaseSql, ("invitations", new[] { invitation.Id })));
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new(InvitationAnswerKind.Done, invitation with { Status = InvitationStatus.Declined }) { Changed = true };
    }

    /// <summary>Why a pending-only answer cannot be given; null when the invitation is pending and in time.</summary>
    private InvitationAnswerKind? Refusal(InvitationDetails invitation, bool forAccept) => invitation.Status switch
    {
        InvitationStatus.Pending when invitation.ExpiresAt > clock.GetUtcNow() => null,
        InvitationStatus.Pending or InvitationStatus.Expired or InvitationStatus.Cancelled => InvitationAnswerKind.Expired,
        InvitationStatus.Declined => forAccept ? InvitationAnswerKind.Declined : null,
        _ => forAccept ? null : InvitationAnswerKind.Accepted,
    };

    /// <summary>The sponsor's dealer with this email, made now if there is none (a concurrent maker's row is found, not duplicated).</summary>
    private async Task<Guid> FindOrCreateDealerAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, InvitationDetails invitation, CancellationToken cancellationToken)
    {
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO dealers (id, sponsor_id, email, phone, name, created_at, source_job_id)
            VALUES (@id, @sponsor, @email, @phone, @name, @at, @job)
            ON CONFLICT (sponsor_id, email) DO NOTHING
            """,
            connection,
            transaction))
        {
            Add(insert, ("id", NewId.NextGuid()), ("sponsor", invitation.SponsorId), ("email", invitation.Email), ("phone", invitation.Phone),
                ("name", invitation.DealerName), ("at", clock.GetUtcNow()), ("job", invitation.BulkJobId));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var find = new NpgsqlCommand("SELECT id FROM dealers WHERE sponsor_id = @sponsor AND email = @email", connection, transaction);
        Add(find, ("sponsor", invitation.SponsorId), ("email", invitation.Email));
        return (Guid)(await find.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<InvitationDetails?> ReadAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, string token, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        Add(command, ("token", token));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var read = DetailsReader(new ResultColumns(reader));
        return await reader.ReadAsync(cancellationToken) ? read() : null;
    }

    /// <summary>Reads the current row of <see cref="Columns"/>; the columns are found by name once, here.</summary>
    internal static Func<InvitationDetails> DetailsReader(ResultColumns columns)
    {
        var id = columns.Required<Guid>("id");
        var sponsorId = columns.Required<long>("sponsor_id");
        var jobId = columns.Required<Guid>("bulk_job_id");
        var type = columns.Enum<InvitationType>("type");
        var status = columns.Enum<InvitationStatus>("status");
        var dealerName = columns.Required<string>("dealer_name");
        var email = columns.Required<string>("email");
        var phone = columns.Required<string>("phone");
        var tier = columns.Enum<PackageTier>("tier");
        var codeCount = columns.Required<int>("code_count");
        var expiresAt = columns.Required<DateTimeOffset>("expires_at");
        var dealerId = columns.Nullable<Guid>("dealer_id");
        return () => new InvitationDetails(
            id.Value, sponsorId.Value, jobId.Value, type.Value, status.Value, dealerName.Value, email.Value, phone.Value, tier.Value,
            codeCount.Value, expiresAt.Value, dealerId.Value);
    }

    internal static Column<string> CodeColumn(ResultColumns columns) => columns.Required<string>("code");

    private static async Task<IReadOnlyList<string>> CodesAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid invitationId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(CodesSql, connection, transaction);
        Add(command, ("id", invitationId));
        var codes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var code = CodeColumn(new ResultColumns(reader));
        while (await reader.ReadAsync(cancellationToken))
        {
            codes.Add(code.Value);
        }

        return codes;
    }

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static void Add(NpgsqlCommand command, params (string Name, object? Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
    }
}
