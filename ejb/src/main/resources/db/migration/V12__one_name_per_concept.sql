-- One name per concept (docs/GLOSSARY.md): an e-gov system's subscription has a sync mode
-- (real time or batches) and the business types it receives, as the CPS and the console say.
ALTER TABLE egov_system RENAME COLUMN delivery_mode TO sync_mode;
ALTER TABLE egov_system RENAME COLUMN sync_events TO business_types;
