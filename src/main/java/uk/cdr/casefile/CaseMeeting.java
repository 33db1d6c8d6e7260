package uk.cdr.casefile;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import uk.cdr.web.CodeLabels;

/** A multi-agency meeting about the case (rapid response meeting, final case discussion) and who came. */
public record CaseMeeting(UUID id, String kind, OffsetDateTime scheduledAt, String place, boolean held,
        String outcomeBy, List<Attendee> attendees) {

    public record Attendee(String agency, String name) {

        /** "agency: name", as the Designated Doctor typed it; the name may not be known. */
        public String text() {
            return name == null ? agency : agency + ": " + name;
        }
    }

    /** The stored kind in words; a kind added later still reads sensibly before it gets its own words. */
    public String kindInWords() {
        return switch (kind) {
            case "RAPID_RESPONSE" -> "Rapid response meeting";
            case "FINAL_CASE_DISCUSSION" -> "Final case discussion";
            default -> CodeLabels.label(kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        };
    }
}
