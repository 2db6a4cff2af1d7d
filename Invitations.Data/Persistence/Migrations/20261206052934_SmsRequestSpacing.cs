using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Invitations.Data.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SmsRequestSpacing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // sms_take_slots (migration SmsSendWindow) with p_spacing (Sms:RequestSpacing): a request's slot lies at
            // least p_spacing after the one before it, over every Worker. A window's worth of requests planned for
            // one instant leaves over as long as the machine takes to send them, and the late ones land closer to
            // the next window's than the headroom allows; spaced, each leaves on time. next_slot_at now holds the
            // earliest slot of the next request: the last one's plus the spacing, or a 429's pause. A message
            // still joins the open request when it may leave by that request's slot.
            migrationBuilder.Sql("DROP FUNCTION sms_take_slots(text, integer, integer, integer, interval)");
            migrationBuilder.Sql("""
                CREATE FUNCTION sms_take_slots(
                    p_name text, p_messages integer, p_max_batch integer, p_capacity integer, p_window interval,
                    p_spacing interval, OUT sizes integer[], OUT slots timestamptz[], OUT ran_at timestamptz)
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
                        v_earliest := greatest(ran_at, v_ring[v_head + 1] + p_window);
                        IF v_size > 0 AND (v_earliest > v_at OR v_size >= p_max_batch) THEN
                            sizes := sizes || v_size;
                            slots := slots || v_at;
                            v_size := 0;
                        END IF;
                        IF v_size = 0 THEN
                            v_at := greatest(v_earliest, v_next);
                            v_next := v_at + p_spacing;
                        END IF;
                        v_ring[v_head + 1] := v_at;
                        v_head := (v_head + 1) % p_capacity;
                        v_size := v_size + 1;
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
            migrationBuilder.Sql("DROP FUNCTION sms_take_slots(text, integer, integer, integer, interval, interval)");
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
    }
}
