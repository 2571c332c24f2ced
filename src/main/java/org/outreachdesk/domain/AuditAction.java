package org.outreachdesk.domain;

/** What an audit entry records. Entries name the kind and id of a record, never its content. */
public enum AuditAction {
    VAULT_CREATED, LOGIN, LOGIN_FAILED, LOCK, CREATE, UPDATE, DELETE, EXPORT, IMPORT, BACKUP, RESTORE,
    USER_ADDED, USER_DISABLED, PASSWORD_CHANGED, PASSWORD_RESET, SETTING_CHANGED
}
