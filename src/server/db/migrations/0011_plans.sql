CREATE TABLE "plan_actions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"level" text NOT NULL,
	"position" integer NOT NULL,
	"action" text NOT NULL,
	"owner_post" text NOT NULL,
	"owner_person_id" uuid,
	"time_limit_minutes" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_actions_level_check" CHECK ("plan_actions"."level" in ('I','II','III','IV')),
	CONSTRAINT "plan_actions_time_limit_check" CHECK ("plan_actions"."time_limit_minutes" is null or "plan_actions"."time_limit_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "plan_drills" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"scenario" text NOT NULL,
	"participant_count" integer NOT NULL,
	"participant_names" text,
	"evaluation" text,
	"findings" text,
	"recorded_by" uuid,
	"recorded_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_drills_count_check" CHECK ("plan_drills"."participant_count" > 0)
);
--> statement-breakpoint
CREATE TABLE "plan_rules" (
	"plan_id" uuid NOT NULL,
	"warning_type" text NOT NULL,
	"warning_level" text NOT NULL,
	"response_level" text NOT NULL,
	CONSTRAINT "plan_rules_plan_id_warning_type_warning_level_pk" PRIMARY KEY("plan_id","warning_type","warning_level"),
	CONSTRAINT "plan_rules_warning_level_check" CHECK ("plan_rules"."warning_level" in ('red','orange','yellow','blue')),
	CONSTRAINT "plan_rules_response_level_check" CHECK ("plan_rules"."response_level" in ('I','II','III','IV'))
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"setting" text NOT NULL,
	"hazards" text[] NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" text NOT NULL,
	"approved_on" date,
	"revision_due" date,
	"summary" text,
	"document_key" text,
	"document_name" text,
	"document_mime" text,
	"document_size" integer,
	"document_uploaded_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_kind_check" CHECK ("plans"."kind" in ('comprehensive','special')),
	CONSTRAINT "plans_setting_check" CHECK ("plans"."setting" in ('coastal','mountain','general')),
	CONSTRAINT "plans_status_check" CHECK ("plans"."status" in ('draft','active','retired'))
);
--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_owner_person_id_people_id_fk" FOREIGN KEY ("owner_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_drills" ADD CONSTRAINT "plan_drills_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_drills" ADD CONSTRAINT "plan_drills_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_rules" ADD CONSTRAINT "plan_rules_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_actions_plan_level_idx" ON "plan_actions" USING btree ("plan_id","level","position");--> statement-breakpoint
CREATE INDEX "plan_drills_plan_held_idx" ON "plan_drills" USING btree ("plan_id","held_on");--> statement-breakpoint
CREATE INDEX "plans_unit_idx" ON "plans" USING btree ("unit_id");