package uk.cdr.casefile;

import java.time.OffsetDateTime;

/** One thing that happened to a case, for the case page's timeline. */
public record TimelineEvent(OffsetDateTime at, String kind, String what, String who) {
}
