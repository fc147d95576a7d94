CREATE TABLE "warning_channel_sends" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "warning_channel_sends_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"issue_id" uuid NOT NULL,
	"delivery_id" bigint,
	"kind" text NOT NULL,
	"to_user_id" uuid,
	"phone" text,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "warning_deliveries" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "warning_deliveries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"issue_id" uuid NOT NULL,
	"warning_id" uuid NOT NULL,
	"recipient_user_id" uuid NOT NULL,
	"recipient_unit_id" uuid NOT NULL,
	"role" text NOT NULL,
	"delivered_at" timestamp with time zone NOT NULL,
	"require_answer" boolean NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answer_note" text,
	"answered_via" text,
	"tier" integer DEFAULT 0 NOT NULL,
	"next_escalation_at" timestamp with time zone,
	"token" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warning_escalations" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "warning_escalations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"delivery_id" bigint NOT NULL,
	"tier" integer NOT NULL,
	"action" text NOT NULL,
	"to_user_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warning_issues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"warning_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"issued_by" uuid,
	"issued_by_name" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"target_unit_ids" uuid[] NOT NULL,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"require_answer" boolean NOT NULL,
	"policy" jsonb NOT NULL,
	"exercise" boolean NOT NULL,
	"note" text,
	"recipients" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "warnings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"sender" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"msg_type" text DEFAULT 'Alert' NOT NULL,
	"references" text[] DEFAULT '{}'::text[] NOT NULL,
	"source" text NOT NULL,
	"type" text NOT NULL,
	"level" text NOT NULL,
	"area_desc" text NOT NULL,
	"area_unit_ids" uuid[] NOT NULL,
	"effective" timestamp with time zone NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	"headline" text NOT NULL,
	"text" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"exercise" boolean DEFAULT false NOT NULL,
	"unit_id" uuid NOT NULL,
	"cap_xml" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "warning_deliveries" ADD CONSTRAINT "warning_deliveries_issue_id_warning_issues_id_fk" FOREIGN KEY ("issue_id") REFERENCES "public"."warning_issues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_issues" ADD CONSTRAINT "warning_issues_warning_id_warnings_id_fk" FOREIGN KEY ("warning_id") REFERENCES "public"."warnings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_issues" ADD CONSTRAINT "warning_issues_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warning_issues" ADD CONSTRAINT "warning_issues_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "warnings" ADD CONSTRAINT "warnings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "warning_channel_sends_pending_idx" ON "warning_channel_sends" USING btree ("id") WHERE "warning_channel_sends"."status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "warning_deliveries_issue_user_key" ON "warning_deliveries" USING btree ("issue_id","recipient_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "warning_deliveries_token_key" ON "warning_deliveries" USING btree ("token");--> statement-breakpoint
CREATE INDEX "warning_deliveries_user_idx" ON "warning_deliveries" USING btree ("recipient_user_id","delivered_at");--> statement-breakpoint
CREATE INDEX "warning_deliveries_escalation_idx" ON "warning_deliveries" USING btree ("next_escalation_at") WHERE "warning_deliveries"."answered_at" is null and "warning_deliveries"."next_escalation_at" is not null;--> statement-breakpoint
CREATE INDEX "warning_escalations_delivery_idx" ON "warning_escalations" USING btree ("delivery_id");--> statement-breakpoint
CREATE INDEX "warning_escalations_to_idx" ON "warning_escalations" USING btree ("to_user_id","at");--> statement-breakpoint
CREATE INDEX "warning_issues_warning_idx" ON "warning_issues" USING btree ("warning_id");--> statement-breakpoint
CREATE UNIQUE INDEX "warnings_sender_identifier_key" ON "warnings" USING btree ("sender","identifier");--> statement-breakpoint
CREATE INDEX "warnings_unit_idx" ON "warnings" USING btree ("unit_id","created_at");