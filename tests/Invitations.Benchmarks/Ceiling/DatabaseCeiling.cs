using System.Diagnostics;
using Npgsql;

namespace Invitations.Benchmarks.Ceiling;

/// <summary>Per-dealer transactions per second with several clients: the database's share of the ceiling.</summary>
public static class DatabaseCeiling
{
    public static async Task<double> MeasureAsync(NpgsqlDataSource dataSource, int transactions, int clients)
    {
        var sponsor = Random.Shared.NextInt64(1, long.MaxValue / 2);
        var work = new DealerTransaction(dataSource);
        await work.CreateSchemaAsync(sponsor, transactions * DealerTransaction.CodesPerDealer);
        var job = Guid.NewGuid();
        var next = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int row;
            while ((row = Interlocked.Increment(ref next)) <= transactions)
            {
                await work.RunAsync(sponsor, job, row);
            }
        }));
        return transactions / stopwatch.Elapsed.TotalSeconds;
    }
}
