DROP INDEX "events_project_name_profile_time_idx";--> statement-breakpoint
DROP INDEX "experience_exposures_results_idx";--> statement-breakpoint
CREATE INDEX "events_results_idx" ON "events" USING btree ("project_id","name","profile_id" collate "C","occurred_at");--> statement-breakpoint
CREATE INDEX "experience_exposures_results_idx" ON "experience_exposures" USING btree ("project_id","personalization_id","profile_id" collate "C","arm","experience_id","first_at");