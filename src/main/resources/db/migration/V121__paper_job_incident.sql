-- A paper whose signing failed every attempt opens an incident on its dossier's process instance, so a
-- supervisor sees it in Cockpit (issue 23 item 3); the incident is resolved when a retry signs the paper.
ALTER TABLE onestop.paper_job ADD COLUMN incident_id varchar(64);
