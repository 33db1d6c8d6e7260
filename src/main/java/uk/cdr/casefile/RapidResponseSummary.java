package uk.cdr.casefile;

import java.time.OffsetDateTime;

/**
 * The rapid response as the case page shows it: when it started and what the initial information
 * sharing agreed. The answers are null until the Designated Doctor records the discussion.
 */
public record RapidResponseSummary(OffsetDateTime startedAt, boolean startedOutOfHours, String participants,
        String agreed, String homeVisit, String siblingsSafeguarding, String referredToSocialCare,
        Boolean meetingConvened, String recordedBy, OffsetDateTime recordedAt) {

    public boolean initialSharingRecorded() {
        return recordedAt != null;
    }
}
