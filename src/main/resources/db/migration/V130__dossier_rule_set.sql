-- The rule set (bộ quy tắc theo nghị định, rules/<id>.yaml) each dossier is handled by: chosen once, when
-- the dossier comes to the one-stop department (dossier.Reception), and kept to the end — also when its
-- process moves to a new model version. Dossiers already in the register get the rule set in force on
-- the day they arrived (Vietnam time): Decree 61/2018 until 2025-06-30, Decree 118/2025 from 2025-07-01.
ALTER TABLE onestop.dossier ADD COLUMN rule_set varchar(40);

UPDATE onestop.dossier
   SET rule_set = CASE WHEN (submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date < DATE '2025-07-01'
                       THEN 'nd61-2018' ELSE 'nd118-2025' END
 WHERE rule_set IS NULL;

CREATE INDEX ix_dossier_rule_set ON onestop.dossier (rule_set);
