using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invitations.Data.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SmsGatewayRateAndDeliveryReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "sms_delivery_reason",
                table: "dealer_invitations",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "sms_delivery_reported_at",
                table: "dealer_invitations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "sms_delivery_status",
                table: "dealer_invitations",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "sms_rate_limits",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    next_slot_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sms_rate_limits", x => x.name);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dealer_invitations_sms_provider_message_id",
                table: "dealer_invitations",
                column: "sms_provider_message_id",
                filter: "sms_provider_message_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sms_rate_limits");

            migrationBuilder.DropIndex(
                name: "ix_dealer_invitations_sms_provider_message_id",
                table: "dealer_invitations");

            migrationBuilder.DropColumn(
                name: "sms_delivery_reason",
                table: "dealer_invitations");

            migrationBuilder.DropColumn(
                name: "sms_delivery_reported_at",
                table: "dealer_invitations");

            migrationBuilder.DropColumn(
                name: "sms_delivery_status",
                table: "dealer_invitations");
        }
    }
}
