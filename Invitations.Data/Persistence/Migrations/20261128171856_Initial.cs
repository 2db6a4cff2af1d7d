using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Invitations.Data.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "bulk_invitation_jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sponsor_id = table.Column<long>(type: "bigint", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    file_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    file_size = table.Column<long>(type: "bigint", nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    invitation_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    send_sms = table.Column<bool>(type: "boolean", nullable: false),
                    default_tier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    default_code_count = table.Column<int>(type: "integer", nullable: false),
                    use_row_specific_counts = table.Column<bool>(type: "boolean", nullable: false),
                    total_dealers = table.Column<int>(type: "integer", nullable: false),
                    codes_reserved = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submitted_published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    submit_publish_attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bulk_invitation_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bulk_invitation_sagas",
                columns: table => new
                {
                    correlation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    current_state = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    sponsor_id = table.Column<long>(type: "bigint", nullable: false),
                    total_dealers = table.Column<int>(type: "integer", nullable: false),
                    succeeded_dealers = table.Column<int>(type: "integer", nullable: false),
                    failed_dealers = table.Column<int>(type: "integer", nullable: false),
                    skipped_dealers = table.Column<int>(type: "integer", nullable: false),
                    progress_sequence = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_outcome_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_progress_published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    stall_check_token_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bulk_invitation_sagas", x => x.correlation_id);
                });

            migrationBuilder.CreateTable(
                name: "dealer_invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sponsor_id = table.Column<long>(type: "bigint", nullable: false),
                    bulk_job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    row_number = table.Column<int>(type: "integer", nullable: false),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    dealer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    tier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    code_count = table.Column<int>(type: "integer", nullable: false),
                    token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dealer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sms_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sms_provider_message_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dealer_invitations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dealers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sponsor_id = table.Column<long>(type: "bigint", nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    source_job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_row_number = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dealers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "saga_timeline",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    @event = table.Column<string>(name: "event", type: "character varying(100)", maxLength: 100, nullable: false),
                    from_state = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    to_state = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    message_id = table.Column<Guid>(type: "uuid", nullable: true),
                    detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saga_timeline", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "scheduled_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    token_id = table.Column<Guid>(type: "uuid", nullable: false),
                    destination = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    message_types = table.Column<string>(type: "text", nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    headers = table.Column<string>(type: "jsonb", nullable: true),
                    correlation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    delivery_attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scheduled_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sms_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    invitation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bulk_job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    row_number = table.Column<int>(type: "integer", nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    body = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    provider = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    provider_message_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sms_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "sponsorship_codes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    sponsor_id = table.Column<long>(type: "bigint", nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    tier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    reserved_by_job_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reserved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    invitation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    dealer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assigned_row_number = table.Column<int>(type: "integer", nullable: true),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sponsorship_codes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "bulk_invitation_rows",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    row_number = table.Column<int>(type: "integer", nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    dealer_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    tier = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    code_count = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    error_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    invitation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    dealer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    dispatched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bulk_invitation_rows", x => new { x.job_id, x.row_number });
                    table.ForeignKey(
                        name: "fk_bulk_invitation_rows_bulk_invitation_jobs_job_id",
                        column: x => x.job_id,
                        principalTable: "bulk_invitation_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_bulk_invitation_jobs_pending",
                table: "bulk_invitation_jobs",
                column: "created_at",
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_bulk_invitation_jobs_sponsor_id_created_at",
                table: "bulk_invitation_jobs",
                columns: new[] { "sponsor_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_bulk_invitation_jobs_sponsor_id_file_sha256",
                table: "bulk_invitation_jobs",
                columns: new[] { "sponsor_id", "file_sha256" });

            migrationBuilder.CreateIndex(
                name: "ix_bulk_invitation_jobs_sponsor_id_idempotency_key",
                table: "bulk_invitation_jobs",
                columns: new[] { "sponsor_id", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_bulk_invitation_rows_email",
                table: "bulk_invitation_rows",
                column: "email");

            migrationBuilder.CreateIndex(
                name: "ix_bulk_invitation_rows_phone",
                table: "bulk_invitation_rows",
                column: "phone");

            migrationBuilder.CreateIndex(
                name: "ix_bulk_invitation_sagas_sponsor_id_current_state",
                table: "bulk_invitation_sagas",
                columns: new[] { "sponsor_id", "current_state" });

            migrationBuilder.CreateIndex(
                name: "ix_dealer_invitations_bulk_job_id_row_number",
                table: "dealer_invitations",
                columns: new[] { "bulk_job_id", "row_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dealer_invitations_phone",
                table: "dealer_invitations",
                column: "phone");

            migrationBuilder.CreateIndex(
                name: "ix_dealer_invitations_token",
                table: "dealer_invitations",
                column: "token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_dealer_invitations_pending_email",
                table: "dealer_invitations",
                columns: new[] { "sponsor_id", "email" },
                unique: true,
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_dealers_phone",
                table: "dealers",
                column: "phone");

            migrationBuilder.CreateIndex(
                name: "ix_dealers_sponsor_id_email",
                table: "dealers",
                columns: new[] { "sponsor_id", "email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_saga_timeline_job_id_id",
                table: "saga_timeline",
                columns: new[] { "job_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_messages_due_at",
                table: "scheduled_messages",
                column: "due_at");

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_messages_token_id",
                table: "scheduled_messages",
                column: "token_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sms_messages_bulk_job_id_row_number",
                table: "sms_messages",
                columns: new[] { "bulk_job_id", "row_number" });

            migrationBuilder.CreateIndex(
                name: "ix_sms_messages_invitation_id",
                table: "sms_messages",
                column: "invitation_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sponsorship_codes_available",
                table: "sponsorship_codes",
                columns: new[] { "sponsor_id", "tier", "id" },
                filter: "reserved_by_job_id IS NULL AND assigned_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_sponsorship_codes_code",
                table: "sponsorship_codes",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sponsorship_codes_invitation_id",
                table: "sponsorship_codes",
                column: "invitation_id");

            migrationBuilder.CreateIndex(
                name: "ix_sponsorship_codes_reserved",
                table: "sponsorship_codes",
                columns: new[] { "reserved_by_job_id", "tier", "id" },
                filter: "reserved_by_job_id IS NOT NULL AND assigned_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bulk_invitation_rows");

            migrationBuilder.DropTable(
                name: "bulk_invitation_sagas");

            migrationBuilder.DropTable(
                name: "dealer_invitations");

            migrationBuilder.DropTable(
                name: "dealers");

            migrationBuilder.DropTable(
                name: "saga_timeline");

            migrationBuilder.DropTable(
                name: "scheduled_messages");

            migrationBuilder.DropTable(
                name: "sms_messages");

            migrationBuilder.DropTable(
                name: "sponsorship_codes");

            migrationBuilder.DropTable(
                name: "bulk_invitation_jobs");
        }
    }
}
