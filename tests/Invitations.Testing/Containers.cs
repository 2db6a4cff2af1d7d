using DotNet.Testcontainers.Builders;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Invitations.Testing;

/// <summary>PostgreSQL and RabbitMQ in containers, only where a Docker engine answers.</summary>
internal sealed class Containers(PostgreSqlContainer postgres, RabbitMqContainer rabbit) : IAsyncDisposable
{
    public string PostgresConnectionString => postgres.GetConnectionString();
    public string RabbitMqUri => rabbit.GetConnectionString();

    public static async Task<Containers?> TryStartAsync()
    {
        PostgreSqlContainer? postgres = null;
        RabbitMqContainer? rabbit = null;
        try
        {
            postgres = new PostgreSqlBuilder("postgres:15").Build();
            rabbit = new RabbitMqBuilder("rabbitmq:3.13").Build();
            await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());
            return new Containers(postgres, rabbit);
        }
        catch (Exception ex) when (ex is DockerUnavailableException or InvalidOperationException or ArgumentException)
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }

            if (rabbit is not null)
            {
                await rabbit.DisposeAsync();
            }

            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await postgres.DisposeAsync();
        await rabbit.DisposeAsync();
    }
}
