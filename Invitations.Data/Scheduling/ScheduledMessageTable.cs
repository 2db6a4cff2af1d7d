using Invitations.Data.Persistence;
using Invitations.Data.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Invitations.Data.Scheduling;

/// <summary>Quoted table and column names of <see cref="ScheduledMessage"/>, read from the EF model.</summary>
internal sealed record ScheduledMessageTable(string Table, string Id, string DueAt, string LockedUntil, string DeliveryAttempts)
{
    private static ScheduledMessageTable? _cached;

    public static ScheduledMessageTable For(InvitationsDbContext db) => _cached ??= Create(db.Model.FindEntityType(typeof(ScheduledMessage))!);

    private static ScheduledMessageTable Create(IEntityType entity)
    {
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => Quote(entity.FindProperty(property)!.GetColumnName(store)!);
        var table = entity.GetSchema() is { } schema ? $"{Quote(schema)}.{Quote(store.Name)}" : Quote(store.Name);
        return new ScheduledMessageTable(table, Column(nameof(ScheduledMessage.Id)), Column(nameof(ScheduledMessage.DueAt)),
            Column(nameof(ScheduledMessage.LockedUntil)), Column(nameof(ScheduledMessage.DeliveryAttempts)));
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
