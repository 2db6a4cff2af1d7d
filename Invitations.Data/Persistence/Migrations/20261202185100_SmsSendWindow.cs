using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invitations.Data.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SmsSendWindow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "window_head",
                table: "sms_rate_limits",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset[]>(
                name: "window_slots",
                table: "sms_rate_limits",
                type: "timestamp with time zone[]",
                nullable: false,
                defaultValue: new DateTimeOffset[0]);

            // The shared send window. p_messages messages leave in requests of at most p_max_batch, in order; a
            // message may leave p_window after the message p_capacity places back (the ring holds the slots of the
            // last p_capacity messages), never before the previous message nor before a 429's pause (next_slot_at).
            // Each message joins the open request when it may leave by the request's slot, else opens the next
            // one at its own: every message goes at its earliest slot and a short window's end is not wasted on a
            // request that does not fit it. The row is locked for this call only. Answers the requests' sizes and
            // slots, and the database's clock when it ran.
            migrationBuilder.Sql("""
                CREATE FUNCTION sms_take_slots(
                    p_name text, p_messages integer, p_max_batch integer, p_capacity integer, p_window interval,
                    OUT sizes integer[], OUT slots timestamptz[], OUT ran_at timestamptz)
                LANGUAGE plpgsql AS $$
                DECLARE
                    v_ring timestamptz[];
                    v_head integer;
                    v_next timestamptz;
                    v_earliest timestamptz;
                    v_at timestamptz;
                    v_size integer := 0;
                BEGIN
                    sizes := '{}';
                    slots := '{}';
                    INSERT INTO sms_rate_limits (name, next_slot_at) VALUES (p_name, statement_timestamp())
                    ON CONFLICT (name) DO NOTHING;
                    SELECT window_slots, window_head, next_slot_at INTO v_ring, v_head, v_next
                    FROM sms_rate_limits WHERE name = p_name FOR UPDATE;
                    ran_at := clock_timestamp();
                    IF coalesce(array_length(v_ring, 1), 0) <> p_capacity THEN
                        v_ring := array_fill(ran_at - p_window, ARRAY[p_capacity]);
                        v_head := 0;
                    END IF;
                    FOR i IN 1 .. p_messages LOOP
                        v_earliest := greatest(ran_at, v_next, v_ring[v_head + 1] + p_window);
                        IF v_size > 0 AND (v_earliest > v_at OR v_size >= p_max_batch) THEN
                            sizes := sizes || v_size;
                            slots := slots || v_at;
                            v_size := 0;
                        END IF;
                        IF v_size = 0 THEN
                            v_at := v_earliest;
                        END IF;
                        v_ring[v_head + 1] := v_at;
                        v_head := (v_head + 1) % p_capacity;
                        v_size := v_size + 1;
                        v_next := v_at;
                    END LOOP;
                    IF v_size > 0 THEN
                        sizes := sizes || v_size;
                        slots := slots || v_at;
                    END IF;
                    UPDATE sms_rate_limits SET window_slots = v_ring, window_head = v_head, next_slot_at = v_next
                    WHERE name = p_name;
                END
                $$
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION sms_take_slots(text, integer, integer, integer, interval)");

            migrationBuilder.DropColumn(
                name: "window_head",
                table: "sms_rate_limits");

            migrationBuilder.DropColumn(
                name: "window_slots",
                table: "sms_rate_limits");
        }
    }
}
