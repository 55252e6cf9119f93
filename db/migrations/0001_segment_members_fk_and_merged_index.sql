ALTER TABLE "segment_members" DROP CONSTRAINT "segment_members_project_id_projects_id_fk";
--> statement-breakpoint
CREATE INDEX "profiles_merged_into_idx" ON "profiles" USING btree ("merged_into_id") WHERE "profiles"."merged_into_id" is not null;