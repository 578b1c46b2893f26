-- Digital signatures of the papers OneStop issues (issue 23) and their asynchronous production (issue 18).

-- The demo certificate authority (CHỈ DÙNG THỬ — DEMO): created at first start when onestop.signing.demo-ca.enabled.
CREATE TABLE onestop.signing_ca (
  id           int PRIMARY KEY CHECK (id = 1),
  certificate  bytea NOT NULL,
  private_key  bytea NOT NULL,          -- PKCS#8, demo only: a real CA never hands its key to OneStop
  created_at   timestamptz NOT NULL DEFAULT now()
);

-- Which key signs for whom: a person of an agency (holder = user id) or the agency's seal (holder NULL).
-- adapter: PKCS12 (keystore kept here, demo/tests), PKCS11 (a USB token or HSM, key_ref = alias),
-- REMOTE (a CA's remote-signing service, key_ref = credential id).
CREATE TABLE onestop.signing_key (
  id              bigserial PRIMARY KEY,
  agency_id       text NOT NULL,
  holder          text,
  adapter         text NOT NULL CHECK (adapter IN ('PKCS12', 'PKCS11', 'REMOTE')),
  key_ref         text,
  subject         text NOT NULL,
  serial          text NOT NULL,
  certificate     bytea NOT NULL,
  chain           bytea,                 -- DER certificates of the issuers, concatenated, or NULL
  not_before      timestamptz NOT NULL,
  not_after       timestamptz NOT NULL,
  keystore        bytea,                 -- PKCS#12 for adapter PKCS12
  demo            boolean NOT NULL DEFAULT false,
  revoked_at      timestamptz,
  revocation_reason text,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX signing_key_owner ON onestop.signing_key (agency_id, holder, created_at DESC);

-- Papers waiting to be produced, signed and stored after the step that issues them has committed.
CREATE TABLE onestop.paper_job (
  id              bigserial PRIMARY KEY,
  dossier_id      bigint NOT NULL REFERENCES onestop.dossier (id) ON DELETE CASCADE,
  paper           text NOT NULL,         -- RECEIPT, SUPPLEMENT_REQUEST, REFUSAL, APOLOGY, PROCESS_CONTROL, RESULT, CERTIFIED_COPY
  args            text,                  -- JSON: what the paper needs beyond the register (result name, scan id…)
  agency_id       text NOT NULL,         -- whose seal and whose staff sign
  signer          text,                  -- the authenticated user whose action issued the paper; NULL = system (seal only)
  action          text NOT NULL,         -- the action that authorised the signature, e.g. APPROVED, CERTIFIED, RECEIVED
  requested_at    timestamptz NOT NULL DEFAULT now(),
  status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
  attempts        int NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error      text,
  document_id     bigint REFERENCES onestop.document (id) ON DELETE SET NULL,
  done_at         timestamptz
);
CREATE INDEX paper_job_due ON onestop.paper_job (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX paper_job_dossier ON onestop.paper_job (dossier_id);

-- Every signed paper: what the public verification page shows (no personal data beyond the paper).
CREATE TABLE onestop.signed_paper (
  id            bigserial PRIMARY KEY,
  document_id   bigint NOT NULL REFERENCES onestop.document (id) ON DELETE CASCADE,
  dossier_id    bigint REFERENCES onestop.dossier (id) ON DELETE SET NULL,
  paper         text NOT NULL,
  verify_code   text NOT NULL UNIQUE,  -- printed in the QR URL /tra-cuu/xac-thuc?ma=…
  signers       text NOT NULL,         -- JSON list of {name, role, agency, keyId}
  level         text NOT NULL,         -- PAdES_BASELINE_B / _T / _LT
  job_id        bigint,
  signed_at     timestamptz NOT NULL
);
CREATE UNIQUE INDEX signed_paper_document ON onestop.signed_paper (document_id);
