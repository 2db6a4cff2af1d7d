using System.Data.Common;
using System.Net.Sockets;
using MassTransit;
using Npgsql;
using RabbitMQ.Client.Exceptions;

namespace Invitations.ServiceDefaults.Messaging;

/// <summary>
/// The faults an outage causes and its end cures: the database or the broker unreachable, restarting or
/// timing out, and the lock races our saga repository loses. Anything else (a poison message, a bug, a
/// business rejection) is not transient and keeps its usual path to the error queue. An HTTP call's failure
/// (the SMS gateway) is not looked into: the dealer consumer's scheduled redeliveries decide about those.
/// </summary>
public static class TransientFaults
{
    public static bool IsTransient(Exception exception)
    {
        var pending = new Stack<Exception>();
        pending.Push(exception);
        while (pending.TryPop(out var current))
        {
            if (IsTransientItself(current))
            {
                return true;
            }

            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current is not HttpRequestException && current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }

        return false;
    }

    private static bool IsTransientItself(Exception exception) => exception switch
    {
        // 08xxx connection, 53xxx resources, 57P01-57P03 shutdown / cannot connect now, 40001/40P01 lost races,
        // 55P03 lock timeout (the saga repository's), 58xxx system errors.
        PostgresException postgres => postgres.IsTransient || IsTransientState(postgres.SqlState),
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or TimeoutException or IOException,
        DbException db => db.IsTransient || IsTransientState(db.SqlState),
        ConnectionException or TransportUnavailableException or RequestTimeoutException => true,
        AlreadyClosedException or OperationInterruptedException or BrokerUnreachableException or ConnectFailureException => true,
        _ => false,
    };

    private static bool IsTransientState(string? state) => state is not null && (
        state.StartsWith("08", StringComparison.Ordinal) ||
        state.StartsWith("53", StringComparison.Ordinal) ||
        state.StartsWith("58", StringComparison.Ordinal) ||
        state is "57P01" or "57P02" or "57P03" or "40001" or "40P01" or "55P03");
}
