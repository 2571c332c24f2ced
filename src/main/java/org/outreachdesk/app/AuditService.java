package org.outreachdesk.app;

import org.outreachdesk.domain.AuditVerification;

/** Checking the audit trail. */
public final class AuditService {

    private final Workspace ws;

    public AuditService(Workspace ws) {
        this.ws = ws;
    }

    /** Checks the whole hash chain (admin). */
    public AuditVerification verify() {
        return ws.read(Permission.ADMINISTER, tx -> ws.vault().audit().verify(tx));
    }
}
