-- The KMC is a separate component with a database of its own (GM/T 0014 over HTTPS): new encryption
-- key pairs are escrowed there, named by their encryption certificate's serial number, and the CA
-- keeps no escrow record. The keys escrowed by the in-process KMC of earlier versions stay where
-- they are, read-only: their envelopes are under the key "kmc-escrow" of the CA's own token, which
-- the separate KMC does not hold. Moving them into the KMC (opened in the CA token, enveloped under
-- the KMC's escrow key) is a key ceremony of its own, not a schema migration; until then they are
-- kept, not destroyed.
ALTER TABLE escrowed_key RENAME TO legacy_escrowed_key;
ALTER SEQUENCE escrowed_key_seq RENAME TO legacy_escrowed_key_seq;
COMMENT ON TABLE legacy_escrowed_key IS
    'Read-only: encryption keys escrowed by the in-process KMC before V21, enveloped under the CA token key kmc-escrow. New keys are escrowed by the separate KMC (its own database).';
