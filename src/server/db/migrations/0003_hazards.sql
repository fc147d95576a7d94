CREATE SEQUENCE "public"."hazard_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "grid_boundaries" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"geojson" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"address" text NOT NULL,
	"head_name" text NOT NULL,
	"phone" text,
	"members" integer NOT NULL,
	"notes" text,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "households_status_check" CHECK ("households"."status" in ('active','moved_out')),
	CONSTRAINT "households_members_check" CHECK ("households"."members" between 1 and 99)
);
--> statement-breakpoint
CREATE TABLE "vulnerable_people" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"household_id" uuid,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"phone" text,
	"notes" text,
	"responsible_person_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vulnerable_people_status_check" CHECK ("vulnerable_people"."status" in ('active','removed')),
	CONSTRAINT "vulnerable_people_category_check" CHECK ("vulnerable_people"."category" in ('elderly_alone','disabled','pregnant','seriously_ill','left_behind_child','other'))
);
--> statement-breakpoint
CREATE TABLE "hazard_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hazard_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hazard_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"note" text,
	"photo_ids" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hazard_rollups" (
	"unit_id" uuid NOT NULL,
	"month" date NOT NULL,
	"category_code" text NOT NULL,
	"found" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL,
	"close_days_sum" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "hazard_rollups_unit_id_month_category_code_pk" PRIMARY KEY("unit_id","month","category_code")
);
--> statement-breakpoint
CREATE TABLE "hazards" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"category_code" text NOT NULL,
	"description" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"accuracy" double precision,
	"address" text,
	"suggested_level" text NOT NULL,
	"level" text,
	"supervised" boolean DEFAULT false NOT NULL,
	"state" text NOT NULL,
	"source" text NOT NULL,
	"reporter_user_id" uuid,
	"reporter_name" text NOT NULL,
	"reporter_phone" text,
	"reported_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"patrol_id" uuid,
	"risk_point_id" uuid,
	"photo_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"due_at" timestamp with time zone,
	"overdue" boolean DEFAULT false NOT NULL,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"escalated_to_unit_id" uuid,
	"responsible_unit_id" uuid,
	"responsible_person_id" uuid,
	"deadline" timestamp with time zone,
	"measures" text,
	"funds" text,
	"contingency_plan" text,
	"rectifier_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"merged_into_id" uuid,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "hazards_state_check" CHECK ("hazards"."state" in ('reported','verified','awaiting_approval','graded','rectifying','accepting','closed','rejected','merged'))
);
--> statement-breakpoint
CREATE TABLE "report_links" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_links_token_unique" UNIQUE("token")
);
--> statement-breakpoint
ALTER TABLE "grid_boundaries" ADD CONSTRAINT "grid_boundaries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerable_people" ADD CONSTRAINT "vulnerable_people_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerable_people" ADD CONSTRAINT "vulnerable_people_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vulnerable_people" ADD CONSTRAINT "vulnerable_people_responsible_person_id_people_id_fk" FOREIGN KEY ("responsible_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_events" ADD CONSTRAINT "hazard_events_hazard_id_hazards_id_fk" FOREIGN KEY ("hazard_id") REFERENCES "public"."hazards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazard_rollups" ADD CONSTRAINT "hazard_rollups_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_category_code_hazard_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."hazard_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_escalated_to_unit_id_units_id_fk" FOREIGN KEY ("escalated_to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_responsible_unit_id_units_id_fk" FOREIGN KEY ("responsible_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_responsible_person_id_people_id_fk" FOREIGN KEY ("responsible_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_links" ADD CONSTRAINT "report_links_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "households_unit_address_key" ON "households" USING btree ("unit_id","address");--> statement-breakpoint
CREATE INDEX "households_head_name_idx" ON "households" USING btree ("head_name");--> statement-breakpoint
CREATE UNIQUE INDEX "vulnerable_people_unit_name_phone_key" ON "vulnerable_people" USING btree ("unit_id","name",coalesce("phone", ''));--> statement-breakpoint
CREATE INDEX "vulnerable_people_household_idx" ON "vulnerable_people" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "vulnerable_people_responsible_idx" ON "vulnerable_people" USING btree ("responsible_person_id");--> statement-breakpoint
CREATE INDEX "hazard_events_hazard_idx" ON "hazard_events" USING btree ("hazard_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "hazards_code_key" ON "hazards" USING btree ("code");--> statement-breakpoint
CREATE INDEX "hazards_unit_state_idx" ON "hazards" USING btree ("unit_id","state");--> statement-breakpoint
CREATE INDEX "hazards_due_idx" ON "hazards" USING btree ("due_at") WHERE "hazards"."due_at" is not null and not "hazards"."overdue";--> statement-breakpoint
CREATE INDEX "hazards_reporter_idx" ON "hazards" USING btree ("reporter_user_id","received_at");--> statement-breakpoint
CREATE INDEX "hazards_responsible_idx" ON "hazards" USING btree ("responsible_person_id");--> statement-breakpoint
CREATE INDEX "hazards_received_idx" ON "hazards" USING btree ("received_at");