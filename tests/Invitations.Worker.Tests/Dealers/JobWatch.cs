using Invitations.Contracts.BulkInvitations;
using Invitations.Testing.BulkJobs;
using Microsoft.EntityFrameworkCore;

namespace Invitations.Worker.Tests.Dealers;

/// <summary>Waits for what a user would see: the job's status in the database.</summary>
public static class JobWatch
{
    public static async Task<BulkJobStatus> UntilFinalAsync(Guid jobId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var status = await StatusAsync(jobId);
            if (status is not (BulkJobStatus.Pending or BulkJobStatus.Processing) || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(100);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("The condition was not met in time.");
            }

            await Task.Delay(50);
        }
    }

    public static async Task<BulkJobStatus> StatusAsync(Guid jobId)
    {
        await using var db = TestRun.Infrastructure.CreateDbContext();
        return await db.BulkInvitationJobs.Where(j => j.Id == jobId).Select(j => j.Status).SingleAsync();
    }
}
