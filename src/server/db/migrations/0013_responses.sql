CREATE TABLE "response_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"response_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"action" text NOT NULL,
	"owner_post" text NOT NULL,
	"owner_person_id" uuid,
	"time_limit_minutes" integer,
	"due_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"done_by_name" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "responses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"warning_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"level" text NOT NULL,
	"exercise" boolean NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"started_by" uuid,
	"started_by_name" text NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by_name" text,
	"summary" text,
	"duty_event_id" uuid,
	CONSTRAINT "responses_level_check" CHECK ("responses"."level" in ('I','II','III','IV')),
	CONSTRAINT "responses_status_check" CHECK ("responses"."status" in ('running','ended'))
);
--> statement-breakpoint
ALTER TABLE "response_tasks" ADD CONSTRAINT "response_tasks_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_tasks" ADD CONSTRAINT "response_tasks_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_warning_id_warnings_id_fk" FOREIGN KEY ("warning_id") REFERENCES "public"."warnings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_duty_event_id_duty_events_id_fk" FOREIGN KEY ("duty_event_id") REFERENCES "public"."duty_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "response_tasks_response_idx" ON "response_tasks" USING btree ("response_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "responses_running_key" ON "responses" USING btree ("plan_id","warning_id") WHERE "responses"."status" = 'running';--> statement-breakpoint
CREATE INDEX "responses_unit_idx" ON "responses" USING btree ("unit_id","started_at");--> statement-breakpoint
CREATE INDEX "responses_warning_idx" ON "responses" USING btree ("warning_id");