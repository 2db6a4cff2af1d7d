using Invitations.Data.Codes;
using Invitations.Data.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Invitations.Data.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    public static IServiceCollection AddInvitationsDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not configured " +
                $"(environment: ConnectionStrings__{DatabaseOptions.ConnectionStringName}).");

        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.SectionName));
        services.AddSingleton(TimeProvider.System);

        // Built by the container, so the host's disposal closes its pool: a data source registered as an instance
        // is never disposed, and each host built in one process (tests build dozens) would leave its idle
        // connections open until Npgsql prunes them, minutes later, against the server's max_connections.
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString).Build());
        services.AddDbContext<InvitationsDbContext>((provider, options) => ConfigureDbContext(options, provider.GetRequiredService<NpgsqlDataSource>()));

        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<CodeIssuer>();
        services.AddScoped<DemoSeeder>();
        return services;
    }

    public static void ConfigureDbContext(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
}
