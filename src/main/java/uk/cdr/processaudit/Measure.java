package uk.cdr.processaudit;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One case (for Form B, one request) measured against one standard: when its clock started, when
 * it was due, when it was done, and whether that met the standard; for a miss, why.
 *
 * @param group a breakdown within the standard: in or out of hours, the agency's type; null for none
 * @param reason a {@link Reasons} code when missed, else null
 */
public record Measure(AuditStandard standard, UUID caseId, String caseReference, String group, OffsetDateTime start,
        OffsetDateTime due, OffsetDateTime done, Result result, String reason) {

    public enum Result {
        MET("Met"), MISSED("Not met"), NOT_YET_DUE("Not yet due"), NO_DATA("No data");

        private final String words;

        Result(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        /** As the API and the page are asked for it, in any letter case; null for none. */
        static Result ofQuery(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new AuditPeriod.InvalidPeriod("result", "must be one of MET, MISSED, NOT_YET_DUE, NO_DATA");
            }
        }
    }

    /** From the start of its clock to when it was done; null when not done or the start is not known. */
    public Duration took() {
        return start == null || done == null ? null : Duration.between(start, done);
    }

    /** Met when done by its due time; when not done, missed once due, else not yet due. */
    static Result byDue(OffsetDateTime done, OffsetDateTime due, OffsetDateTime now) {
        if (done != null) {
            return done.isAfter(due) ? Result.MISSED : Result.MET;
        }
        return due.isAfter(now) ? Result.NOT_YET_DUE : Result.MISSED;
    }
}
