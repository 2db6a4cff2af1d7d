using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invitations.Data.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SmsAttemptRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "sms_attempt_at",
                table: "dealer_invitations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "sms_attempts",
                table: "dealer_invitations",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "sms_claimed_until",
                table: "dealer_invitations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "sms_in_doubt",
                table: "dealer_invitations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "sms_possible_duplicate",
                table: "dealer_invitations",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "sms_attempt_at",
                table: "dealer_invitations");

            migrationBuilder.DropColumn(
                name: "sms_attempts",
                table: "dealer_invitations");

            migrationBuilder.DropColumn(
                name: "sms_claimed_until",
                table: "dealer_invitations");

            migrationBuilder.DropColumn(
                name: "sms_in_doubt",
                table: "dealer_invitations");

            migrationBuilder.DropColumn(
                name: "sms_possible_duplicate",
                table: "dealer_invitations");
        }
    }
}
