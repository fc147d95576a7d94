CREATE TABLE "hazard_rollup_deltas" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "hazard_rollup_deltas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"unit_id" uuid NOT NULL,
	"month" date NOT NULL,
	"category_code" text NOT NULL,
	"found" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"close_days_sum" double precision DEFAULT 0 NOT NULL,
	"overdue" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hazard_rollups" ADD COLUMN "overdue" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "hazard_rollups_overdue_idx" ON "hazard_rollups" USING btree ("unit_id","overdue") WHERE "hazard_rollups"."overdue" <> 0;
--> statement-breakpoint
-- The overdue counts of the hazards already stored, for each unit and every unit above it (each
-- label of a unit's path is its id without dashes, which uuid input accepts).
INSERT INTO "hazard_rollups" ("unit_id", "month", "category_code", "overdue")
SELECT anc.label::uuid, date_trunc('month', h.reported_at AT TIME ZONE 'Asia/Shanghai')::date, h.category_code, count(*)
FROM "hazards" h
JOIN "units" u ON u.id = h.unit_id
CROSS JOIN LATERAL unnest(string_to_array(u.path::text, '.')) AS anc(label)
WHERE h.overdue AND h.state IN ('reported', 'verified', 'awaiting_approval', 'graded', 'rectifying', 'accepting')
GROUP BY 1, 2, 3
ON CONFLICT ("unit_id", "month", "category_code") DO UPDATE SET "overdue" = excluded."overdue";
