-- Key ceremonies at the console (issue 13 item 2): a security administrator hosts and witnesses
-- the ceremony there, and the custodians each type their own username and the PIN of their share.
-- source gains the value CONSOLE (no constraint lists the values); hosted_by names the security
-- administrator who hosted it (an operator's username), NULL for a ceremony at the CA's own
-- machine (COMMAND_LINE) or at the start of the embedded default (DEMO_START).
ALTER TABLE key_ceremony ADD COLUMN hosted_by VARCHAR(64);
