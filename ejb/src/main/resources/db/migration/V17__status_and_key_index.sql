-- One name per concept (docs/GLOSSARY.md, rows 15 and 24).

-- A certificate's status is GOOD, REVOKED or EXPIRED, in the CA's records as in the sync interface
-- and the query service. The records hold GOOD or REVOKED only, as they held VALID or REVOKED:
-- EXPIRED is derived from not_after when a status is reported, and never stored.
UPDATE issued_certificate SET status = 'GOOD' WHERE status = 'VALID';

-- The n-th key of a CA is its key index: 1 for its first key, one more after each rollover.
-- "Key generation" names only the making of a key pair. No index or constraint carries the old
-- column names (ix_ocsp_signer_ca, ix_sync_signer_ca and uq_retired_ca_key name their tables), and
-- renaming a column keeps the indexes and constraints on it.
ALTER TABLE certificate_authority RENAME COLUMN key_generation TO key_index;
ALTER TABLE retired_ca_key RENAME COLUMN key_generation TO key_index;
ALTER TABLE issued_certificate RENAME COLUMN ca_key_generation TO ca_key_index;
ALTER TABLE issued_crl RENAME COLUMN ca_key_generation TO ca_key_index;
ALTER TABLE ocsp_signer RENAME COLUMN ca_key_generation TO ca_key_index;
ALTER TABLE sync_signer RENAME COLUMN ca_key_generation TO ca_key_index;
