-- Reception regardless of administrative boundary (tiếp nhận không phụ thuộc địa giới hành chính, Decree 118/2025
-- Art. 14): the register keeps, beside the receiving centre (receiving_agency_id) and the competent agency
-- (handling_agency_id), the dossier's territory - the applicant's or the property's commune, from which the legs
-- are resolved and by which a stopped agency's successor is chosen - and where the applicant collects the result.
ALTER TABLE onestop.dossier
    ADD COLUMN territory_agency_id varchar(60),   -- commune (or other territorial unit) of the applicant / property
    ADD COLUMN return_agency_id    varchar(60),   -- one-stop department where the result is returned (applicant's choice)
    ADD COLUMN received_anywhere   boolean NOT NULL DEFAULT false; -- received outside the territory's own centre

CREATE INDEX ix_dossier_receiving_received ON onestop.dossier (receiving_agency_id, received_at);
