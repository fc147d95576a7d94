CREATE TABLE "stored_files" (
	"id" text PRIMARY KEY NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_checks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"risk_point_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"checker_id" uuid,
	"checker_name" text NOT NULL,
	"result" text NOT NULL,
	"note" text,
	"photo_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_checks_result_check" CHECK ("risk_checks"."result" in ('normal','abnormal'))
);
--> statement-breakpoint
CREATE TABLE "risk_points" (
	"id" uuid PRIMARY KEY NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"level" text NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"address" text,
	"responsible_person_id" uuid NOT NULL,
	"control_measures" text NOT NULL,
	"check_cycle_days" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"retired_at" timestamp with time zone,
	"retired_reason" text,
	"last_check_at" timestamp with time zone,
	"last_check_result" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_points_type_check" CHECK ("risk_points"."type" in ('geological','waterlogging','dangerous_building','hazardous_enterprise','forest_fire','marine','crowded_place','other')),
	CONSTRAINT "risk_points_level_check" CHECK ("risk_points"."level" in ('major','large','general','low')),
	CONSTRAINT "risk_points_status_check" CHECK ("risk_points"."status" in ('active','retired')),
	CONSTRAINT "risk_points_cycle_check" CHECK ("risk_points"."check_cycle_days" between 1 and 365),
	CONSTRAINT "risk_points_last_result_check" CHECK ("risk_points"."last_check_result" in ('normal','abnormal'))
);
--> statement-breakpoint
ALTER TABLE "risk_checks" ADD CONSTRAINT "risk_checks_risk_point_id_risk_points_id_fk" FOREIGN KEY ("risk_point_id") REFERENCES "public"."risk_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_checks" ADD CONSTRAINT "risk_checks_checker_id_users_id_fk" FOREIGN KEY ("checker_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_points" ADD CONSTRAINT "risk_points_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_points" ADD CONSTRAINT "risk_points_responsible_person_id_people_id_fk" FOREIGN KEY ("responsible_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_points" ADD CONSTRAINT "risk_points_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_checks_point_at_idx" ON "risk_checks" USING btree ("risk_point_id","at");--> statement-breakpoint
CREATE INDEX "risk_points_unit_idx" ON "risk_points" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "risk_points_person_idx" ON "risk_points" USING btree ("responsible_person_id");