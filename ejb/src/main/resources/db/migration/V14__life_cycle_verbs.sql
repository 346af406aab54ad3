-- One name per concept (docs/GLOSSARY.md): the stored names of an application's kind, of the steps
-- of its history and of the organisation code's identifier kind. Only values change; no table or
-- column is renamed.

-- An application is named by the life-cycle verb it asks for (ApplicationKind), as an issued
-- certificate's issuance_kind and the sync interface's business types already are.
UPDATE application SET kind = 'ISSUE' WHERE kind = 'NEW_CERTIFICATE';
UPDATE application SET kind = 'RENEW' WHERE kind = 'RENEWAL';
UPDATE application SET kind = 'REVOKE' WHERE kind = 'REVOCATION';

-- A step of an application's history has the name of the audit action that records the same step
-- (ApplicationAction). DOCUMENT_ADDED and FORCED_REVOCATION had it already. The audit log itself
-- keeps the names it was written with.
UPDATE application_event SET action = 'APPLICATION_SUBMITTED' WHERE action = 'SUBMITTED';
UPDATE application_event SET action = 'APPLICATION_APPROVED' WHERE action = 'APPROVED';
UPDATE application_event SET action = 'APPLICATION_REJECTED' WHERE action = 'REJECTED';
UPDATE application_event SET action = 'APPLICANT_NOTIFIED' WHERE action = 'NOTICE_SENT';

-- The identifier kind of an organisation code is IdentifierKind.ORGANISATION_CODE, spelled as the
-- project's own names are (GM/T 0015's OrganizationCode is the extension's name, not ours). A stored
-- profile version names the kinds it writes in its definition text, which must still parse, and
-- still equal the definition shipped with the same version, whose comment says "organisation" too.
-- The certificates issued under these versions are unchanged: the kind's name is never written
-- into a certificate, only its extension's OID.
UPDATE certificate_profile_version
   SET definition = REPLACE(REPLACE(definition, 'ORGANIZATION_CODE', 'ORGANISATION_CODE'),
                            'an organization code', 'an organisation code')
 WHERE definition LIKE '%ORGANIZATION_CODE%' OR definition LIKE '%an organization code%';
