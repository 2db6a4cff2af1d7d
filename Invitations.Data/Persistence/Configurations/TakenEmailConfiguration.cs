using Invitations.Data.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Invitations.Data.Persistence.Configurations;

/// <summary>
/// The rule "this email is taken" lives in the view <c>taken_emails</c> (migration <c>TakenEmails</c>), a
/// UNION ALL of the dealers and the pending invitations. A view rather than a function: PostgreSQL inlines a view
/// and pushes the caller's <c>sponsor_id = … AND email = ANY(…)</c> into both branches, so the upload's check of up
/// to 2,000 emails stays one statement of two index scans (the dealers' unique (sponsor_id, email) index and the
/// partial unique index of pending invitations), and the Worker's per-row lateral lookup keeps its index probes.
/// A SQL function doing the same would be called once per email (a body with subqueries is never inlined).
/// </summary>
internal sealed class TakenEmailConfiguration : IEntityTypeConfiguration<TakenEmail>
{
    public void Configure(EntityTypeBuilder<TakenEmail> builder)
    {
        builder.HasNoKey();
        builder.ToView("taken_emails");
    }
}
