CREATE SEQUENCE "public"."duty_event_code_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "duty_event_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"text" text NOT NULL,
	"report_id" uuid,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "duty_event_entries_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1)
);
--> statement-breakpoint
CREATE TABLE "duty_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"occurred_at" timestamp with time zone,
	"source" text NOT NULL,
	"caller_name" text,
	"caller_phone" text,
	"address" text NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"type" text NOT NULL,
	"initial_grade" text NOT NULL,
	"grade" text NOT NULL,
	"grade_changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"dead" integer,
	"injured" integer,
	"missing" integer,
	"description" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"merged_into_id" uuid,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "duty_events_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "duty_report_acks" (
	"report_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"user_id" uuid,
	"user_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "duty_report_acks_report_id_unit_id_pk" PRIMARY KEY("report_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "duty_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"title" text,
	"occurred_at" timestamp with time zone,
	"location" text,
	"event_type" text,
	"dead" integer,
	"injured" integer,
	"missing" integer,
	"narrative" text,
	"measures" text,
	"next_steps" text,
	"reporter_name" text,
	"reporter_phone" text,
	"issuer" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"due_at" timestamp with time zone,
	"late" boolean DEFAULT false NOT NULL,
	"minutes_late" integer DEFAULT 0 NOT NULL,
	"return_reason" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_settings" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"preset" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_assignments" (
	"roster_id" uuid NOT NULL,
	"shift_key" text NOT NULL,
	"role" text NOT NULL,
	"person_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "duty_assignments_roster_id_shift_key_role_pk" PRIMARY KEY("roster_id","shift_key","role"),
	CONSTRAINT "duty_assignments_role_check" CHECK ("duty_assignments"."role" in ('leader','officer'))
);
--> statement-breakpoint
CREATE TABLE "duty_handovers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"shift_key" text NOT NULL,
	"shift_starts_at" timestamp with time zone NOT NULL,
	"shift_ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"note" text NOT NULL,
	"checklist" jsonb NOT NULL,
	"opened_by" uuid,
	"opened_by_name" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"answered_by" uuid,
	"answered_by_name" text,
	"answered_at" timestamp with time zone,
	"answer_note" text,
	CONSTRAINT "duty_handovers_status_check" CHECK ("duty_handovers"."status" in ('open','accepted','refused'))
);
--> statement-breakpoint
CREATE TABLE "duty_log_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"shift_key" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"text" text NOT NULL,
	"author_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duty_log_kind_check" CHECK ("duty_log_entries"."kind" in ('call','document','instruction','patrol','other'))
);
--> statement-breakpoint
CREATE TABLE "duty_rosters" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"month" text NOT NULL,
	"pattern" text NOT NULL,
	"start_hour" integer DEFAULT 8 NOT NULL,
	"leader_ids" uuid[] NOT NULL,
	"officer_ids" uuid[] NOT NULL,
	"unavailable" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"next_start_index" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"published_by_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duty_rosters_pattern_check" CHECK ("duty_rosters"."pattern" in ('24h','day_night')),
	CONSTRAINT "duty_rosters_status_check" CHECK ("duty_rosters"."status" in ('draft','published')),
	CONSTRAINT "duty_rosters_start_hour_check" CHECK ("duty_rosters"."start_hour" between 0 and 23)
);
--> statement-breakpoint
CREATE TABLE "duty_swaps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"roster_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"shift_key" text NOT NULL,
	"role" text NOT NULL,
	"from_person_id" uuid NOT NULL,
	"to_person_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid,
	"requested_by_name" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_by_name" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	CONSTRAINT "duty_swaps_status_check" CHECK ("duty_swaps"."status" in ('pending','approved','rejected')),
	CONSTRAINT "duty_swaps_role_check" CHECK ("duty_swaps"."role" in ('leader','officer'))
);
--> statement-breakpoint
ALTER TABLE "duty_event_entries" ADD CONSTRAINT "duty_event_entries_event_id_duty_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."duty_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_events" ADD CONSTRAINT "duty_events_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_events" ADD CONSTRAINT "duty_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_report_acks" ADD CONSTRAINT "duty_report_acks_report_id_duty_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."duty_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_report_acks" ADD CONSTRAINT "duty_report_acks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_report_acks" ADD CONSTRAINT "duty_report_acks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_reports" ADD CONSTRAINT "duty_reports_event_id_duty_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."duty_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_reports" ADD CONSTRAINT "duty_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_reports" ADD CONSTRAINT "duty_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_settings" ADD CONSTRAINT "duty_settings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_assignments" ADD CONSTRAINT "duty_assignments_roster_id_duty_rosters_id_fk" FOREIGN KEY ("roster_id") REFERENCES "public"."duty_rosters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_assignments" ADD CONSTRAINT "duty_assignments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_handovers" ADD CONSTRAINT "duty_handovers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_handovers" ADD CONSTRAINT "duty_handovers_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_handovers" ADD CONSTRAINT "duty_handovers_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_log_entries" ADD CONSTRAINT "duty_log_entries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_log_entries" ADD CONSTRAINT "duty_log_entries_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_rosters" ADD CONSTRAINT "duty_rosters_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_rosters" ADD CONSTRAINT "duty_rosters_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_swaps" ADD CONSTRAINT "duty_swaps_roster_id_duty_rosters_id_fk" FOREIGN KEY ("roster_id") REFERENCES "public"."duty_rosters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_swaps" ADD CONSTRAINT "duty_swaps_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_swaps" ADD CONSTRAINT "duty_swaps_from_person_id_people_id_fk" FOREIGN KEY ("from_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_swaps" ADD CONSTRAINT "duty_swaps_to_person_id_people_id_fk" FOREIGN KEY ("to_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_swaps" ADD CONSTRAINT "duty_swaps_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_swaps" ADD CONSTRAINT "duty_swaps_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duty_event_entries_event_idx" ON "duty_event_entries" USING btree ("event_id","seq");--> statement-breakpoint
CREATE INDEX "duty_events_unit_status_idx" ON "duty_events" USING btree ("unit_id","status","received_at");--> statement-breakpoint
CREATE INDEX "duty_events_received_idx" ON "duty_events" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "duty_reports_event_idx" ON "duty_reports" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "duty_reports_unit_state_idx" ON "duty_reports" USING btree ("unit_id","state","submitted_at");--> statement-breakpoint
CREATE INDEX "duty_assignments_person_idx" ON "duty_assignments" USING btree ("person_id","starts_at");--> statement-breakpoint
CREATE INDEX "duty_handovers_unit_idx" ON "duty_handovers" USING btree ("unit_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "duty_handovers_shift_key" ON "duty_handovers" USING btree ("unit_id","shift_key") WHERE "duty_handovers"."status" <> 'refused';--> statement-breakpoint
CREATE INDEX "duty_log_unit_at_idx" ON "duty_log_entries" USING btree ("unit_id","at");--> statement-breakpoint
CREATE INDEX "duty_log_unit_shift_idx" ON "duty_log_entries" USING btree ("unit_id","shift_key");--> statement-breakpoint
CREATE UNIQUE INDEX "duty_rosters_unit_month_key" ON "duty_rosters" USING btree ("unit_id","month");--> statement-breakpoint
CREATE INDEX "duty_swaps_unit_idx" ON "duty_swaps" USING btree ("unit_id","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "duty_swaps_pending_key" ON "duty_swaps" USING btree ("roster_id","shift_key","role") WHERE "duty_swaps"."status" = 'pending';