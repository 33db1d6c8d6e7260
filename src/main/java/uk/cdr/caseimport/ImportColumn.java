package uk.cdr.caseimport;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of the import file (docs/import.md), in the order they are documented. A file may
 * leave out optional columns and list the others in any order.
 */
enum ImportColumn {
    CASE_REFERENCE(false),
    CHILD_FIRST_NAME(true),
    CHILD_LAST_NAME(true),
    DATE_OF_BIRTH(true),
    SEX(true),
    ETHNICITY(true),
    NHS_NUMBER(false),
    DATE_OF_DEATH(true),
    PLACE_OF_DEATH(true),
    /** Required where the CDOP has several areas (RowReader): Areas decides, not the header. */
    AREA(false),
    /** 2013 or 2018; left out, the guidance in force on the date of death (RowReader). */
    EDITION(false),
    NOTIFIED_ON(false),
    DEATH_CLASSIFICATION(false),
    RAPID_RESPONSE(false),
    RAPID_RESPONSE_MEETING_ON(false),
    FINAL_CASE_DISCUSSION(false),
    FINAL_CASE_DISCUSSION_REASON(false),
    FORM_B_REQUESTED(false),
    FORM_B_REQUESTED_ON(false),
    FORM_B_RETURNED(false),
    FORM_B_RETURNED_ON(false),
    FORM_B_PROCEED_REASON(false),
    STATUS(true),
    REVIEW_COMPLETED_ON(false),
    MEETING_TYPE(false),
    CATEGORY(false),
    MODIFIABLE(false),
    SCR_CONSIDERED(false),
    DOMAIN_CHILD(false),
    DOMAIN_FAMILY(false),
    DOMAIN_PARENTING(false),
    DOMAIN_SERVICES(false);

    private final boolean required;

    ImportColumn(boolean required) {
        this.required = required;
    }

    boolean required() {
        return required;
    }

    /** The name in the file's header row. */
    String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ImportColumn> ofHeader(String header) {
        String name = header.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.header().equals(name)).findFirst();
    }
}
