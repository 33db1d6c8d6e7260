package uk.cdr.notification;

/** Process variables of childDeathNotification: ids, codes and dates only, never personal text. */
public final class NotificationVariables {

    private NotificationVariables() {
    }

    public static final String PROCESS_KEY = "childDeathNotification";
    public static final String DUPLICATE_PROCESS_KEY = "resolvePossibleDuplicate";
    public static final String NOTIFICATION_ID = "notificationId";
    public static final String MATCHED_ON = "matchedOn";
    public static final String DUPLICATE_DECISION = "duplicateDecision";
    public static final String DUPLICATE_RESOLVED_BY = "duplicateResolvedBy";
    public static final String CASE_ID = "caseId";
    public static final String CASE_REFERENCE = "caseReference";
    public static final String NOTIFIED_AT = "notifiedAt";
    public static final String OUT_OF_HOURS = "outOfHours";
    public static final String NOTIFIED_EXPECTED = "notifiedExpected";
    public static final String PLACE_OF_DEATH = "placeOfDeath";
    public static final String NEONATAL = "neonatal";
    public static final String SUGGESTED_CLASSIFICATION = "suggestedClassification";
    public static final String DEATH_CLASSIFICATION = "deathClassification";
}
