package uk.cdr.processaudit;

import java.util.Arrays;
import java.util.Optional;

/**
 * The standards of the process audit (domain.md, "Auditing the process"), in the order of the
 * process. Each is measured on the case's own records from the moment its clock starts; its target
 * comes from the same cdr.* setting the processes use ({@link AuditTargets}).
 */
public enum AuditStandard {
    DESIGNATED_DOCTOR_ALERTED("designated-doctor-alerted", "Designated Doctor alerted after Form A", Unit.MINUTES,
            "notification"),
    OUT_OF_HOURS_ACKNOWLEDGED("out-of-hours-acknowledged", "Out-of-hours notifications acknowledged by 09:00 the next "
            + "working day", Unit.HOURS, "notification"),
    CLASSIFIED("classified", "Expected or unexpected decided", Unit.HOURS, "notification"),
    RAPID_RESPONSE_STARTED("rapid-response-started", "A rapid response for every unexpected death", Unit.NONE,
            "notification"),
    INFORMATION_SHARED("information-shared", "Initial information sharing by the next working day", Unit.HOURS,
            "notification"),
    RAPID_RESPONSE_MEETING("rapid-response-meeting", "Rapid response meeting held in time, where one was convened",
            Unit.DAYS, "notification"),
    FINAL_CASE_DISCUSSION("final-case-discussion", "A final case discussion for every rapid response, in time",
            Unit.DAYS, "death"),
    FORM_B_RETURNED("form-b-returned", "Form B returned in time", Unit.DAYS, "request"),
    BEREAVEMENT_SUPPORT("bereavement-support", "Bereavement support offered, with the families' leaflet", Unit.NONE,
            "notification"),
    REVIEWED_WITHIN_TARGET("reviewed-within-target", "CDOP review completed within the target", Unit.DAYS, "death"),
    REVIEWED_BEFORE_ESCALATION("reviewed-before-escalation", "CDOP review completed before escalation", Unit.DAYS,
            "death");

    /** How its times are told: the alert in minutes, working-day targets in hours, the rest in days. */
    enum Unit {
        MINUTES, HOURS, DAYS, NONE
    }

    private final String id;
    private final String title;
    private final Unit unit;
    private final String startsWith;

    AuditStandard(String id, String title, Unit unit, String startsWith) {
        this.id = id;
        this.title = title;
        this.unit = unit;
        this.startsWith = startsWith;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    Unit unit() {
        return unit;
    }

    /** The records it is measured on, and what starts its clock: "notification", "death" or "request". */
    String startsWith() {
        return startsWith;
    }

    /** What puts a case in a period: its notification, its death, or (Form B) the request. */
    public String countedBy() {
        return switch (startsWith) {
            case "death" -> "date of death";
            case "request" -> "date of the request";
            default -> "date of the notification";
        };
    }

    public static Optional<AuditStandard> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }
}
