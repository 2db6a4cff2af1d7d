using Invitations.Api.Uploads.Validation;
using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Invitations.Api.Uploads.Acceptance;

/// <summary>A job's rows in one statement: arrays unnested server-side, one round trip for 2,000 rows.</summary>
public sealed class JobRowWriter(InvitationsDbContext db)
{
    /// <summary>
    /// Every field of <see cref="ValidDealer"/> has its column here: a test fails when a field the upload validates
    /// is not written (Infrastructure.Tests, <c>When_hand_written_statements_are_checked</c>).
    /// </summary>
    internal const string InsertSql = """
        INSERT INTO bulk_invitation_rows (job_id, row_number, email, phone, dealer_name, tier, code_count, status, attempts)
        SELECT @job, r.row_number, r.email, r.phone, r.dealer_name, r.tier, r.code_count, @status, 0
        FROM unnest(@rows, @emails, @phones, @names, @tiers, @counts)
             AS r(row_number, email, phone, dealer_name, tier, code_count)
        """;

    public Task<int> InsertAsync(Guid jobId, IReadOnlyList<ValidDealer> dealers, CancellationToken cancellationToken)
    {
        return db.Database.ExecuteSqlRawAsync(
            InsertSql,
            [
                new NpgsqlParameter("job", jobId),
                new NpgsqlParameter("status", nameof(RowStatus.Pending)),
                new NpgsqlParameter("rows", dealers.Select(d => d.RowNumber).ToArray()),
                new NpgsqlParameter("emails", dealers.Select(d => d.Email).ToArray()),
                new NpgsqlParameter("phones", dealers.Select(d => d.Phone).ToArray()),
                new NpgsqlParameter("names", dealers.Select(d => d.DealerName).ToArray()),
                new NpgsqlParameter("tiers", dealers.Select(d => d.Tier.ToString()).ToArray()),
                new NpgsqlParameter("counts", dealers.Select(d => d.CodeCount).ToArray()),
            ],
            cancellationToken);
    }
}
