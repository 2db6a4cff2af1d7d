using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invitations.Data.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TakenEmails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The one definition of "this email is taken" (TakenEmailConfiguration says why a view): a dealer of the
            // sponsor, or a pending invitation of the sponsor. Emails are stored normalized, so equality is the rule.
            migrationBuilder.Sql("""
                CREATE VIEW taken_emails AS
                SELECT sponsor_id, email FROM dealers
                UNION ALL
                SELECT sponsor_id, email FROM dealer_invitations WHERE status = 'Pending';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP VIEW taken_emails;");
        }
    }
}
