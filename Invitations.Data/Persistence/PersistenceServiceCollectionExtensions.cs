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

        var dataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
        services.AddSingleton(dataSource);
        services.AddDbContext<InvitationsDbContext>(options => ConfigureDbContext(options, dataSource));

        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<CodeIssuer>();
        services.AddScoped<DemoSeeder>();
        return services;
    }

    public static void ConfigureDbContext(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
}
