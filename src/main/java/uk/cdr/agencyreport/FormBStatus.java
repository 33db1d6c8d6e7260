package uk.cdr.agencyreport;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Where one agency's Form B stands, for the case page and the SPOC. Status: SENT, REMINDED, OVERDUE, EXTENDED, RETURNED, WITHDRAWN. */
public record FormBStatus(UUID requestId, String agency, String contactName, String contactEmail, String status,
        OffsetDateTime requestedAt, OffsetDateTime dueAt, OffsetDateTime remindedAt, OffsetDateTime returnedAt) {

    public boolean open() {
        return RequestStatus.valueOf(status).open();
    }
}
