-- One name per concept (docs/GLOSSARY.md): a supervised action asked for by one security
-- administrator and waiting for a second one is a dual-control request (DualControlRequest), and so
-- are its table, id sequence, index and constraints. Renaming keeps the rows, the sequence's value
-- and every foreign key; the kind of action (column action, SupervisedAction) keeps its name.

ALTER TABLE pending_action RENAME TO dual_control_request;
ALTER SEQUENCE pending_action_seq RENAME TO dual_control_request_seq;
ALTER INDEX ix_pending_action_open RENAME TO ix_dual_control_request_open;

-- V10 left the primary and foreign keys unnamed: PostgreSQL derived their names from the old
-- table's (renaming the primary key renames its index too).
ALTER TABLE dual_control_request RENAME CONSTRAINT pending_action_pkey TO dual_control_request_pkey;
ALTER TABLE dual_control_request RENAME CONSTRAINT pending_action_target_operator_id_fkey
    TO dual_control_request_target_operator_id_fkey;
ALTER TABLE dual_control_request RENAME CONSTRAINT pending_action_requested_by_fkey
    TO dual_control_request_requested_by_fkey;
ALTER TABLE dual_control_request RENAME CONSTRAINT pending_action_decided_by_fkey
    TO dual_control_request_decided_by_fkey;
