using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invitations.Data.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DealerAnswers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sms_messages_invitation_id",
                table: "sms_messages");

            migrationBuilder.AddColumn<int>(
                name: "resend_number",
                table: "sms_messages",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "answered_at",
                table: "dealer_invitations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "sms_resend_count",
                table: "dealer_invitations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "sms_resends_sent",
                table: "dealer_invitations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "sms_resent_at",
                table: "dealer_invitations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_sms_messages_invitation_id_resend_number",
                table: "sms_messages",
                columns: new[] { "invitation_id", "resend_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dealer_invitations_pending_expiry",
                table: "dealer_invitations",
                column: "expires_at",
                filter: "status = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_sms_messages_invitation_id_resend_number",
                table: "sms_messages");

            migrationBuilder.DropIndex(
                name: "ix_dealer_invitations_pending_expiry",
                table: "dealer_invitations");

            migrationBuilder.DropColumn(
                name: "resend_number",
                table: "sms_messages");

            migrationBuilder.DropColumn(
                name: "answered_at",
                table: "dealer_invitations");

            migrationBuilder.DropColumn(
                name: "sms_resend_count",
                table: "dealer_invitations");

            migrationBuilder.DropColumn(
                name: "sms_resends_sent",
                table: "dealer_invitations");

            migrationBuilder.DropColumn(
                name: "sms_resent_at",
                table: "dealer_invitations");

            migrationBuilder.CreateIndex(
                name: "ix_sms_messages_invitation_id",
                table: "sms_messages",
                column: "invitation_id",
                unique: true);
        }
    }
}
