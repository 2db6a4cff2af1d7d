using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invitations.Data.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CountedOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "counted_status",
                table: "bulk_invitation_rows",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            // Jobs under way at the upgrade: their saga counters already include every finished row (a row
            // recorded but not yet counted is picked up by the job's next full recount, at its stall check).
            migrationBuilder.Sql("UPDATE bulk_invitation_rows SET counted_status = status WHERE status <> 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "counted_status",
                table: "bulk_invitation_rows");
        }
    }
}
