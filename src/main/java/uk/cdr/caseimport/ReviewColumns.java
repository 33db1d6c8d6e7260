package uk.cdr.caseimport;

import static uk.cdr.caseimport.ImportColumn.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.stereotype.Component;

import uk.cdr.panel.FormC;

/**
 * The CDOP's completed review of a closed case: the meeting that reviewed it and the Form C it
 * recorded, with the rules the panel's own Form C meets. An open case has none: it is reviewed
 * in the app once imported.
 */
@Component
class ReviewColumns {

    static final List<String> MEETING_TYPES = List.of("routine", "neonatal");
    static final List<ImportColumn> COLUMNS = List.of(REVIEW_COMPLETED_ON, MEETING_TYPE, CATEGORY, MODIFIABLE,
            SCR_CONSIDERED, DOMAIN_CHILD, DOMAIN_FAMILY, DOMAIN_PARENTING, DOMAIN_SERVICES);
    /** Domain scores the spreadsheet did not keep: "0" is Form C's "information not available". */
    static final String NOT_AVAILABLE = "0";

    ImportedCase.Review read(RowValues v, LocalDate dateOfBirth, LocalDate dateOfDeath, LocalDate today) {
        LocalDate completedOn = Dates.between(v, REVIEW_COMPLETED_ON, v.date(REVIEW_COMPLETED_ON, true), dateOfDeath,
                DATE_OF_DEATH, today);
        String meetingType = v.code(MEETING_TYPE, MEETING_TYPES, true);
        if ("neonatal".equals(meetingType) && dateOfBirth != null && dateOfDeath != null
                && ChronoUnit.DAYS.between(dateOfBirth, dateOfDeath) >= ImportedCase.NEONATAL_DAYS) {
            v.error(MEETING_TYPE, "a special neonatal panel reviews neonatal deaths only (under "
                    + ImportedCase.NEONATAL_DAYS + " days old at death)");
        }
        Integer category = v.number(CATEGORY, 1, 10);
        if (!v.given(CATEGORY)) {
            v.error(CATEGORY, "is required for a closed case: the category of death, 1 to 10");
        }
        String modifiable = v.code(MODIFIABLE, FormC.MODIFIABLE, true);
        Boolean scrConsidered = v.yesNo(SCR_CONSIDERED, true);
        String child = score(v, DOMAIN_CHILD);
        String family = score(v, DOMAIN_FAMILY);
        String parenting = score(v, DOMAIN_PARENTING);
        String services = score(v, DOMAIN_SERVICES);
        if (completedOn == null || meetingType == null || category == null || modifiable == null || scrConsidered == null) {
            return null;
        }
        return new ImportedCase.Review(completedOn, meetingType, category, modifiable, scrConsidered, child, family,
                parenting, services);
    }

    /** An open case: the review columns stay empty. */
    ImportedCase.Review absent(RowValues v) {
        COLUMNS.forEach(column -> v.mustBeEmpty(column, "status is closed"));
        return null;
    }

    private static String score(RowValues v, ImportColumn column) {
        String score = v.code(column, FormC.DOMAIN_SCORES, false);
        return score == null ? NOT_AVAILABLE : score;
    }
}
