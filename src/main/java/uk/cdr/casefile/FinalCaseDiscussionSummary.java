package uk.cdr.casefile;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The final case discussion and the post-mortem it waits for, as the case page shows them. */
public record FinalCaseDiscussionSummary(String outcome, String notConvenedReason, String notConvenedDetail,
        boolean proceededWithoutResults, String domainChild, String domainFamily, String domainParenting,
        String domainServices, Integer proposedCategory, String proposedModifiable, String learningPoints,
        String postMortemRequired, LocalDate finalResultsOn, LocalDate inquestOpenedOn, LocalDate inquestConcludedOn,
        OffsetDateTime finalCaseDiscussionDoneAt) {
}
