using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Invitations.Data.Persistence;

/// <summary>Used by <c>dotnet ef migrations add</c> only; it never connects.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<InvitationsDbContext>
{
    public InvitationsDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Invitations")
            ?? "Host=127.0.0.1;Port=5432;Database=invitations;Username=invitations;Password=invitations";
        var builder = new DbContextOptionsBuilder<InvitationsDbContext>();
        PersistenceServiceCollectionExtensions.ConfigureDbContext(builder, new NpgsqlDataSourceBuilder(connectionString).Build());
        return new InvitationsDbContext(builder.Options);
    }
}
