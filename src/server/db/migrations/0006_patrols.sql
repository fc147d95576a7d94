CREATE TABLE "patrol_points" (
	"id" uuid PRIMARY KEY NOT NULL,
	"patrol_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"accuracy" double precision,
	"place" text,
	"finding" text NOT NULL,
	"note" text,
	"hazard_id" uuid,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "patrol_points_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1)
);
--> statement-breakpoint
CREATE TABLE "patrol_rollups" (
	"unit_id" uuid NOT NULL,
	"month" date NOT NULL,
	"patrols" integer DEFAULT 0 NOT NULL,
	"checkins" integer DEFAULT 0 NOT NULL,
	"issues" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "patrol_rollups_unit_id_month_pk" PRIMARY KEY("unit_id","month")
);
--> statement-breakpoint
CREATE TABLE "patrols" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"walker_id" uuid NOT NULL,
	"walker_name" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"start_lat" double precision,
	"start_lng" double precision,
	"summary" text,
	"checkins" integer DEFAULT 0 NOT NULL,
	"issues" integer DEFAULT 0 NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "patrol_points" ADD CONSTRAINT "patrol_points_patrol_id_patrols_id_fk" FOREIGN KEY ("patrol_id") REFERENCES "public"."patrols"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_rollups" ADD CONSTRAINT "patrol_rollups_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrols" ADD CONSTRAINT "patrols_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patrol_points_patrol_idx" ON "patrol_points" USING btree ("patrol_id","at");--> statement-breakpoint
CREATE INDEX "patrols_unit_started_idx" ON "patrols" USING btree ("unit_id","started_at");--> statement-breakpoint
CREATE INDEX "patrols_walker_idx" ON "patrols" USING btree ("walker_id","started_at");