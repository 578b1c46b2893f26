-- The number of a dossier in its receiving agency's log book of the year (Sổ theo dõi hồ sơ, form 06 of Circular
-- 01/2018, form 07 of Circular 03/2025), printed on the receipt (form 01: "Vào Sổ theo dõi hồ sơ, Quyển số: <year>,
-- Số thứ tự: <n>") and in the log book itself.
--
-- Until now the number was counted when printed: count(*) of the agency's dossiers received that year up to this one,
-- and the log book numbered every line from the first of January with row_number(). Both read the whole year of the
-- agency, for every receipt: a cost that grows with the agency's history (a provincial service centre receives
-- tens of thousands of dossiers a year). A number that is counted also changes if an earlier dossier is ever removed,
-- while the printed receipt keeps the old one.
--
-- Now the number is given once, when the dossier is received, and stored: a counter per agency and year
-- (the same pattern as the dossier codes, V1: the upsert's row lock serialises the agency's receptions across nodes
-- and a rolled-back reception rolls its number back, so the book has no gaps), assigned by a BEFORE trigger, so that
-- every path that records a reception (Reception.accept, imports, the test fixtures) numbers it the same way.
CREATE TABLE log_book_counter (
    agency_id  varchar(60) NOT NULL,
    book_year  integer     NOT NULL,
    last_no    bigint      NOT NULL,
    CONSTRAINT pk_log_book_counter PRIMARY KEY (agency_id, book_year)
);

COMMENT ON TABLE log_book_counter IS 'Last number given in each receiving agency''s log book of the year (form 06/07)';

ALTER TABLE dossier ADD COLUMN log_book_no bigint;

-- The book a reception belongs to: the calendar year of received_at in Vietnam's time. Stated once, here; the
-- numbering below and the log book's order (PublishedRegister.logBook) use it.
CREATE FUNCTION log_book_year(received_at timestamptz) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT extract(year FROM received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::integer $$;

COMMENT ON COLUMN dossier.log_book_no IS 'Number in the receiving agency''s log book of the year of received_at (Vietnam time)';

-- The dossiers received so far keep the numbers they were printed with (the order of the count it replaces). One
-- UPDATE that writes every received dossier's row once: on a large register, run the upgrade in a quiet hour.
UPDATE dossier d SET log_book_no = n.no
FROM (SELECT id, row_number() OVER (PARTITION BY receiving_agency_id, log_book_year(received_at)
                                    ORDER BY received_at, id) AS no
      FROM dossier WHERE received_at IS NOT NULL) n
WHERE n.id = d.id;

INSERT INTO log_book_counter (agency_id, book_year, last_no)
SELECT receiving_agency_id, log_book_year(received_at), max(log_book_no)
FROM dossier WHERE log_book_no IS NOT NULL
GROUP BY 1, 2;

CREATE FUNCTION log_book_number() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO onestop.log_book_counter AS c (agency_id, book_year, last_no)
  VALUES (NEW.receiving_agency_id, onestop.log_book_year(NEW.received_at), 1)
  ON CONFLICT (agency_id, book_year) DO UPDATE SET last_no = c.last_no + 1
  RETURNING last_no INTO NEW.log_book_no;
  RETURN NEW;
END
$$;

-- Received once: when received_at is first set (a dossier is never received twice; a number given is never changed).
CREATE TRIGGER tr_dossier_log_book_ins BEFORE INSERT ON dossier
    FOR EACH ROW WHEN (NEW.received_at IS NOT NULL AND NEW.log_book_no IS NULL)
    EXECUTE FUNCTION log_book_number();
CREATE TRIGGER tr_dossier_log_book_upd BEFORE UPDATE OF received_at ON dossier
    FOR EACH ROW WHEN (OLD.received_at IS NULL AND NEW.received_at IS NOT NULL AND NEW.log_book_no IS NULL)
    EXECUTE FUNCTION log_book_number();

-- The log book of a period reads its lines by agency and time (ix_dossier_receiving_received, V140) and prints
-- the stored number: no index on the number itself is needed.
