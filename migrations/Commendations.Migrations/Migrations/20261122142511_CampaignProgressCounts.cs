using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Commendations.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class CampaignProgressCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Counts of a campaign's nominations by unit, status and step, kept by a trigger as +1/-1 rows (insert-only, so
            // concurrent transitions never wait on one counter row) and folded together by compact_campaign_progress(),
            // which a Quartz job runs every few minutes. GetCampaignProgress sums them instead of scanning the nominations.
            migrationBuilder.Sql("""
                CREATE TABLE campaign_progress_counts (
                    id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT pk_campaign_progress_counts PRIMARY KEY,
                    campaign_id uuid NOT NULL,
                    unit_id uuid NOT NULL,
                    status text NOT NULL,
                    current_step text NULL,
                    delta integer NOT NULL);
                CREATE INDEX ix_campaign_progress_counts_campaign_id_unit_id ON campaign_progress_counts (campaign_id, unit_id);

                CREATE FUNCTION count_campaign_progress() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' AND NEW.campaign_id = OLD.campaign_id AND NEW.unit_id = OLD.unit_id
                       AND NEW.status = OLD.status AND NEW.current_step IS NOT DISTINCT FROM OLD.current_step THEN
                        RETURN NULL;
                    END IF;
                    IF TG_OP IN ('UPDATE', 'DELETE') THEN
                        INSERT INTO campaign_progress_counts (campaign_id, unit_id, status, current_step, delta)
                        VALUES (OLD.campaign_id, OLD.unit_id, OLD.status, OLD.current_step, -1);
                    END IF;
                    IF TG_OP IN ('INSERT', 'UPDATE') THEN
                        INSERT INTO campaign_progress_counts (campaign_id, unit_id, status, current_step, delta)
                        VALUES (NEW.campaign_id, NEW.unit_id, NEW.status, NEW.current_step, 1);
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER nominations_count_campaign_progress
                AFTER INSERT OR DELETE OR UPDATE OF campaign_id, unit_id, status, current_step ON nominations
                FOR EACH ROW EXECUTE FUNCTION count_campaign_progress();

                -- One statement: rows inserted by transactions that commit meanwhile are not in its snapshot and stay.
                CREATE FUNCTION compact_campaign_progress() RETURNS void LANGUAGE sql AS $$
                    WITH gone AS (DELETE FROM campaign_progress_counts RETURNING campaign_id, unit_id, status, current_step, delta)
                    INSERT INTO campaign_progress_counts (campaign_id, unit_id, status, current_step, delta)
                    SELECT campaign_id, unit_id, status, current_step, sum(delta) FROM gone
                    GROUP BY campaign_id, unit_id, status, current_step HAVING sum(delta) <> 0;
                $$;

                INSERT INTO campaign_progress_counts (campaign_id, unit_id, status, current_step, delta)
                SELECT campaign_id, unit_id, status, current_step, count(*) FROM nominations GROUP BY campaign_id, unit_id, status, current_step;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER nominations_count_campaign_progress ON nominations;
                DROP FUNCTION count_campaign_progress();
                DROP FUNCTION compact_campaign_progress();
                DROP TABLE campaign_progress_counts;
                """);
        }
    }
}
