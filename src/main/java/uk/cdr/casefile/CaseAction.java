package uk.cdr.casefile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An action a meeting set, owned by an agency and tracked until it is done. */
public record CaseAction(UUID id, String description, String ownerAgency, LocalDate dueDate, OffsetDateTime doneAt) {

    public boolean done() {
        return doneAt != null;
    }

    /** Open after its due date; the due date itself still counts as in time. */
    public boolean overdueOn(LocalDate today) {
        return !done() && dueDate.isBefore(today);
    }
}
