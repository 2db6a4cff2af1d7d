using System.Collections.Concurrent;
using MassTransit;
using Npgsql;

namespace Invitations.ServiceDefaults.Tests.Messaging;

/// <summary>Reads from PostgreSQL through the test's proxy (a database that can be made unreachable); poison ones throw.</summary>
public sealed class DatabaseProbeConsumer(DatabaseProbeConsumer.Log log) : IConsumer<DatabaseProbe>
{
    public async Task Consume(ConsumeContext<DatabaseProbe> context)
    {
        Interlocked.Increment(ref log.Attempts);
        if (log.Poison.Contains(context.Message.Id))
        {
            throw new InvalidOperationException("a bug, not an outage");
        }

        await using var command = log.DataSource!.CreateCommand("SELECT 1");
        await command.ExecuteScalarAsync(context.CancellationToken);
        log.Succeeded.Enqueue(context.Message.Id);
    }

    public sealed class Log
    {
        public NpgsqlDataSource? DataSource { get; set; }
        public ConcurrentBag<Guid> Poison { get; } = [];
        public ConcurrentQueue<Guid> Succeeded { get; } = new();
        public int Attempts;
        public int Faults;
    }
}
