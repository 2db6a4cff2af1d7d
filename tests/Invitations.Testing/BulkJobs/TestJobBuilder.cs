using System.Globalization;
using Invitations.Contracts.BulkInvitations;
using Invitations.Data.Persistence.Entities;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Testing.BulkJobs;

/// <summary>
/// A bulk job as the upload leaves it (job, rows, codes reserved for it), written straight to the
/// database, so saga and worker tests do not depend on the upload endpoint.
/// </summary>
public sealed class TestJobBuilder(TestInfrastructure infrastructure)
{
    private int _rows = 5;
    private int _codesPerRow = 1;
    private bool _dispatched;
    private bool _mixed;
    private InvitationType _type = InvitationType.Invite;
    private bool _sendSms = true;
    private long _sponsorId = TestIds.NewSponsorId();

    public TestJobBuilder WithRows(int rows) => Set(() => _rows = rows);

    public TestJobBuilder WithCodesPerRow(int codes) => Set(() => _codesPerRow = codes);

    public TestJobBuilder ForSponsor(long sponsorId) => Set(() => _sponsorId = sponsorId);

    public TestJobBuilder AutoCreate() => Set(() => _type = InvitationType.AutoCreate);

    public TestJobBuilder WithoutSms() => Set(() => _sendSms = false);

    /// <summary>Rows as the dispatcher leaves them (attempt 1 sent), for specs that play the consumer themselves.</summary>
    public TestJobBuilder AlreadyDispatched() => Set(() => _dispatched = true);

    /// <summary>Rows of every tier in turn, asking 1, 2 or 3 codes in turn (codes reserved to match).</summary>
    public TestJobBuilder WithMixedTiersAndCounts() => Set(() => _mixed = true);

    /// <summary>The codes the row at this index asks for.</summary>
    private int CodesFor(int index) => _mixed ? (index % 3) + 1 : _codesPerRow;

    public async Task<TestJob> CreateAsync()
    {
        var jobId = NewId.NextGuid();
        var now = DateTimeOffset.UtcNow;
        var tag = Guid.NewGuid().ToString("N")[..10];
        await using var db = infrastructure.CreateDbContext();
        db.BulkInvitationJobs.Add(new BulkInvitationJob
        {
            Id = jobId,
            SponsorId = _sponsorId,
            CreatedBy = $"sponsor-{_sponsorId}",
            Status = BulkJobStatus.Pending,
            FileName = "dealers.xlsx",
            FileSha256 = tag,
            FileSize = 1000,
            InvitationType = _type,
            SendSms = _sendSms,
            DefaultCodeCount = _codesPerRow,
            TotalDealers = _rows,
            CodesReserved = Enumerable.Range(0, _rows).Sum(CodesFor),
            CreatedAt = now,
        });
        for (var i = 0; i < _rows; i++)
        {
            var rowNumber = i + 2;
            var tier = _mixed ? (PackageTier)(i % 4) : PackageTier.S;
            var codes = CodesFor(i);
            db.BulkInvitationRows.Add(new BulkInvitationRow
            {
                JobId = jobId,
                RowNumber = rowNumber,
                Email = $"dealer{rowNumber}.{tag}@example.com",
                Phone = string.Create(CultureInfo.InvariantCulture, $"+90532{Random.Shared.Next(0, 10_000_000):D7}"),
                DealerName = $"Bayi {rowNumber}",
                Tier = tier,
                CodeCount = codes,
                Status = RowStatus.Pending,
                Attempts = _dispatched ? 1 : 0,
                DispatchedAt = _dispatched ? now : null,
            });
            for (var c = 0; c < codes; c++)
            {
                db.SponsorshipCodes.Add(new SponsorshipCode
                {
                    SponsorId = _sponsorId,
                    Code = $"{tier}-{tag}-{rowNumber}-{c}",
                    Tier = tier,
                    CreatedAt = now,
                    ReservedByJobId = jobId,
                    ReservedAt = now,
                });
            }
        }

        await db.SaveChangesAsync();
        return new TestJob(jobId, _sponsorId, _rows, Enumerable.Range(2, _rows).ToArray());
    }

    /// <summary>The sponsor already has a dealer with this row's email (the row is to be rejected as a duplicate).</summary>
    public static async Task AddExistingDealerForRowAsync(TestInfrastructure infrastructure, TestJob job, int rowNumber)
    {
        await using var db = infrastructure.CreateDbContext();
        var row = await db.BulkInvitationRows.SingleAsync(r => r.JobId == job.Id && r.RowNumber == rowNumber);
        db.Dealers.Add(new Dealer
        {
            Id = NewId.NextGuid(),
            SponsorId = job.SponsorId,
            Email = row.Email,
            Phone = row.Phone,
            Name = "Mevcut Bayi",
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    public static BulkInvitationSubmitted Submitted(TestJob job) => new()
    {
        BulkJobId = job.Id,
        SponsorId = job.SponsorId,
        TotalDealers = job.TotalDealers,
        SubmittedAt = DateTimeOffset.UtcNow,
    };

    private TestJobBuilder Set(Action set)
    {
        set();
        return this;
    }
}
