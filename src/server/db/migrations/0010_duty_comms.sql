CREATE TABLE "duty_comms_equipment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"model" text NOT NULL,
	"identifier" text NOT NULL,
	"place" text,
	"keeper_id" uuid NOT NULL,
	"test_interval_days" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"retired_at" timestamp with time zone,
	"retired_reason" text,
	"last_test_at" timestamp with time zone,
	"last_test_result" text,
	"overdue_flagged_due" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duty_comms_equipment_kind_check" CHECK ("duty_comms_equipment"."kind" in ('satellite_phone','video_conference','emergency_broadcast','radio','other')),
	CONSTRAINT "duty_comms_equipment_status_check" CHECK ("duty_comms_equipment"."status" in ('active','retired')),
	CONSTRAINT "duty_comms_equipment_interval_check" CHECK ("duty_comms_equipment"."test_interval_days" between 1 and 365),
	CONSTRAINT "duty_comms_equipment_last_result_check" CHECK ("duty_comms_equipment"."last_test_result" in ('ok','failed'))
);
--> statement-breakpoint
CREATE TABLE "duty_comms_tests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"equipment_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"result" text NOT NULL,
	"note" text,
	"tester_id" uuid,
	"tester_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duty_comms_tests_result_check" CHECK ("duty_comms_tests"."result" in ('ok','failed'))
);
--> statement-breakpoint
CREATE TABLE "duty_zero_report_flags" (
	"unit_id" uuid NOT NULL,
	"day" date NOT NULL,
	"flagged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "duty_zero_report_flags_unit_id_day_pk" PRIMARY KEY("unit_id","day")
);
--> statement-breakpoint
CREATE TABLE "duty_zero_report_settings" (
	"unit_id" uuid PRIMARY KEY NOT NULL,
	"due_hour" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duty_zero_report_settings_hour_check" CHECK ("duty_zero_report_settings"."due_hour" between 0 and 23)
);
--> statement-breakpoint
CREATE TABLE "duty_zero_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"day" date NOT NULL,
	"note" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitter_id" uuid,
	"submitter_name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "duty_comms_equipment" ADD CONSTRAINT "duty_comms_equipment_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_comms_equipment" ADD CONSTRAINT "duty_comms_equipment_keeper_id_people_id_fk" FOREIGN KEY ("keeper_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_comms_equipment" ADD CONSTRAINT "duty_comms_equipment_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_comms_tests" ADD CONSTRAINT "duty_comms_tests_equipment_id_duty_comms_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."duty_comms_equipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_comms_tests" ADD CONSTRAINT "duty_comms_tests_tester_id_users_id_fk" FOREIGN KEY ("tester_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_zero_report_flags" ADD CONSTRAINT "duty_zero_report_flags_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_zero_report_settings" ADD CONSTRAINT "duty_zero_report_settings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_zero_report_settings" ADD CONSTRAINT "duty_zero_report_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_zero_reports" ADD CONSTRAINT "duty_zero_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_zero_reports" ADD CONSTRAINT "duty_zero_reports_submitter_id_users_id_fk" FOREIGN KEY ("submitter_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duty_comms_equipment_unit_idx" ON "duty_comms_equipment" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "duty_comms_equipment_keeper_idx" ON "duty_comms_equipment" USING btree ("keeper_id");--> statement-breakpoint
CREATE INDEX "duty_comms_tests_equipment_at_idx" ON "duty_comms_tests" USING btree ("equipment_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "duty_zero_reports_unit_day_key" ON "duty_zero_reports" USING btree ("unit_id","day");--> statement-breakpoint
CREATE INDEX "duty_zero_reports_day_idx" ON "duty_zero_reports" USING btree ("day");