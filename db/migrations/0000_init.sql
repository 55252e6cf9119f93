CREATE TYPE "public"."member_role" AS ENUM('owner', 'admin', 'editor', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."personalization_status" AS ENUM('draft', 'running', 'paused', 'archived');--> statement-breakpoint
CREATE TYPE "public"."personalization_type" AS ENUM('server_side');--> statement-breakpoint
CREATE TYPE "public"."target_devices" AS ENUM('all', 'mobile', 'desktop');--> statement-breakpoint
CREATE TYPE "public"."display_frequency" AS ENUM('always', 'once', 'once_per_visit');--> statement-breakpoint
CREATE TYPE "public"."metric_aggregation" AS ENUM('first', 'last', 'sum', 'avg', 'max', 'min');--> statement-breakpoint
CREATE TYPE "public"."metric_measure" AS ENUM('triggered', 'value');--> statement-breakpoint
CREATE TYPE "public"."segment_type" AS ENUM('rule', 'static');--> statement-breakpoint
CREATE TYPE "public"."arm" AS ENUM('treatment', 'control');--> statement-breakpoint
CREATE TYPE "public"."actor_type" AS ENUM('user', 'key', 'system');--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"display_name" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"name" text NOT NULL,
	"timezone" text DEFAULT 'UTC' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"password_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" "member_role" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invites" (
	"id" text PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"email" text NOT NULL,
	"role" "member_role" NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" text,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sources_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "personalizations" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"selector" text NOT NULL,
	"type" "personalization_type" DEFAULT 'server_side' NOT NULL,
	"status" "personalization_status" DEFAULT 'draft' NOT NULL,
	"control_percent" integer DEFAULT 5 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"started_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experiences" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"personalization_id" text NOT NULL,
	"name" text NOT NULL,
	"priority" integer NOT NULL,
	"payload" jsonb,
	"audience" jsonb,
	"frequency" "display_frequency" DEFAULT 'always' NOT NULL,
	"devices" "target_devices" DEFAULT 'all' NOT NULL,
	"schedule" jsonb,
	"template_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "metrics" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"personalization_id" text NOT NULL,
	"event" text NOT NULL,
	"measure" "metric_measure" NOT NULL,
	"property" text,
	"aggregation" "metric_aggregation",
	"is_primary" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "templates" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"payload" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selector_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "selector_group_members" (
	"project_id" text NOT NULL,
	"group_id" text NOT NULL,
	"personalization_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "selector_group_members_group_id_personalization_id_pk" PRIMARY KEY("group_id","personalization_id")
);
--> statement-breakpoint
CREATE TABLE "segments" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"type" "segment_type" NOT NULL,
	"condition" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "segment_members" (
	"project_id" text NOT NULL,
	"segment_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "segment_members_segment_id_user_id_pk" PRIMARY KEY("segment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "test_profiles" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"user_id" text,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"account_attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"request_attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"events" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"segments" text[] DEFAULT '{}' NOT NULL,
	"device" text,
	"user_agent" text,
	"url" text,
	"referrer" text,
	"session_id" text,
	"instant" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"user_id" text,
	"account_id" text,
	"source_id" integer,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"account_attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"visit_id" text,
	"last_activity_at" timestamp with time zone,
	"merged_into_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profile_ids" (
	"project_id" text NOT NULL,
	"value" text NOT NULL,
	"profile_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profile_ids_project_id_value_pk" PRIMARY KEY("project_id","value")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"project_id" text NOT NULL,
	"profile_id" text NOT NULL,
	"event_id" text NOT NULL,
	"name" text NOT NULL,
	"properties" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"session_id" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exposures" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "exposures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"project_id" text NOT NULL,
	"personalization_id" text NOT NULL,
	"experience_id" text NOT NULL,
	"profile_id" text NOT NULL,
	"arm" "arm" NOT NULL,
	"visit_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experience_exposures" (
	"project_id" text NOT NULL,
	"personalization_id" text NOT NULL,
	"experience_id" text NOT NULL,
	"profile_id" text NOT NULL,
	"arm" "arm" NOT NULL,
	"first_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experience_exposures_experience_id_profile_id_pk" PRIMARY KEY("experience_id","profile_id")
);
--> statement-breakpoint
CREATE TABLE "visit_exposures" (
	"project_id" text NOT NULL,
	"experience_id" text NOT NULL,
	"profile_id" text NOT NULL,
	"visit_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visit_exposures_experience_id_profile_id_visit_id_pk" PRIMARY KEY("experience_id","profile_id","visit_id")
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"project_id" text NOT NULL,
	"personalization_id" text NOT NULL,
	"profile_id" text NOT NULL,
	"arm" "arm" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_personalization_id_profile_id_pk" PRIMARY KEY("personalization_id","profile_id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" text NOT NULL,
	"project_id" text,
	"actor_type" "actor_type" NOT NULL,
	"actor_id" text,
	"actor_label" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"while_running" boolean DEFAULT false NOT NULL,
	"request_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalog_events" (
	"project_id" text NOT NULL,
	"name" text NOT NULL,
	"count" bigint DEFAULT 0 NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_events_project_id_name_pk" PRIMARY KEY("project_id","name")
);
--> statement-breakpoint
CREATE TABLE "catalog_attributes" (
	"project_id" text NOT NULL,
	"path" text NOT NULL,
	"type" text NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalog_attributes_project_id_path_pk" PRIMARY KEY("project_id","path")
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "login_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invites" ADD CONSTRAINT "invites_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invites" ADD CONSTRAINT "invites_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personalizations" ADD CONSTRAINT "personalizations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiences" ADD CONSTRAINT "experiences_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiences" ADD CONSTRAINT "experiences_personalization_id_personalizations_id_fk" FOREIGN KEY ("personalization_id") REFERENCES "public"."personalizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metrics" ADD CONSTRAINT "metrics_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metrics" ADD CONSTRAINT "metrics_personalization_id_personalizations_id_fk" FOREIGN KEY ("personalization_id") REFERENCES "public"."personalizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "templates" ADD CONSTRAINT "templates_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selector_groups" ADD CONSTRAINT "selector_groups_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selector_group_members" ADD CONSTRAINT "selector_group_members_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selector_group_members" ADD CONSTRAINT "selector_group_members_group_id_selector_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."selector_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "selector_group_members" ADD CONSTRAINT "selector_group_members_personalization_id_personalizations_id_fk" FOREIGN KEY ("personalization_id") REFERENCES "public"."personalizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_members" ADD CONSTRAINT "segment_members_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "segment_members" ADD CONSTRAINT "segment_members_segment_id_segments_id_fk" FOREIGN KEY ("segment_id") REFERENCES "public"."segments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_profiles" ADD CONSTRAINT "test_profiles_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_name_key" ON "organizations" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "projects_org_name_key" ON "projects" USING btree ("org_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_org_user_key" ON "memberships" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invites_token_hash_key" ON "invites" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invites_org_idx" ON "invites" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sources_prefix_key" ON "sources" USING btree ("prefix");--> statement-breakpoint
CREATE INDEX "sources_project_idx" ON "sources" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "personalizations_project_selector_key" ON "personalizations" USING btree ("project_id","selector");--> statement-breakpoint
CREATE INDEX "personalizations_project_status_idx" ON "personalizations" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "experiences_personalization_priority_idx" ON "experiences" USING btree ("personalization_id","priority");--> statement-breakpoint
CREATE INDEX "metrics_personalization_idx" ON "metrics" USING btree ("personalization_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "metrics_one_primary_key" ON "metrics" USING btree ("personalization_id") WHERE "metrics"."is_primary";--> statement-breakpoint
CREATE UNIQUE INDEX "templates_project_name_key" ON "templates" USING btree ("project_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "selector_groups_project_name_key" ON "selector_groups" USING btree ("project_id","name");--> statement-breakpoint
CREATE INDEX "selector_group_members_personalization_idx" ON "selector_group_members" USING btree ("personalization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "segments_project_key_key" ON "segments" USING btree ("project_id","key");--> statement-breakpoint
CREATE INDEX "segment_members_project_user_idx" ON "segment_members" USING btree ("project_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "test_profiles_project_name_key" ON "test_profiles" USING btree ("project_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "profiles_project_user_key" ON "profiles" USING btree ("project_id","user_id") WHERE "profiles"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "profiles_project_account_idx" ON "profiles" USING btree ("project_id","account_id");--> statement-breakpoint
CREATE INDEX "profile_ids_profile_idx" ON "profile_ids" USING btree ("profile_id");--> statement-breakpoint
CREATE UNIQUE INDEX "events_project_event_id_key" ON "events" USING btree ("project_id","event_id");--> statement-breakpoint
CREATE INDEX "events_project_profile_name_time_idx" ON "events" USING btree ("project_id","profile_id","name","occurred_at");--> statement-breakpoint
CREATE INDEX "exposures_project_personalization_time_idx" ON "exposures" USING btree ("project_id","personalization_id","created_at");--> statement-breakpoint
CREATE INDEX "exposures_profile_idx" ON "exposures" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "experience_exposures_project_personalization_idx" ON "experience_exposures" USING btree ("project_id","personalization_id","first_at");--> statement-breakpoint
CREATE INDEX "experience_exposures_profile_idx" ON "experience_exposures" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "visit_exposures_profile_idx" ON "visit_exposures" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "assignments_profile_idx" ON "assignments" USING btree ("profile_id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("project_id","entity_type","entity_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_project_time_idx" ON "audit_log" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE INDEX "login_attempts_key_time_idx" ON "login_attempts" USING btree ("key","created_at");