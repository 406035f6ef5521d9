DROP INDEX "relations_source";--> statement-breakpoint
DROP INDEX "relations_target";--> statement-breakpoint
CREATE INDEX "relations_source" ON "relations" USING btree ("source_id","type","target_id","outdated","id");--> statement-breakpoint
CREATE INDEX "relations_target" ON "relations" USING btree ("target_id","type","source_id","outdated","id");