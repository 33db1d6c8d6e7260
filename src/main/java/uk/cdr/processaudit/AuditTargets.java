package uk.cdr.processaudit;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAmount;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The audit's targets: the very settings the processes run to (application.yaml, cdr.timers.*),
 * so a partnership that changes its local policy audits itself against the new one.
 */
@Component
public class AuditTargets {

    final Duration designatedDoctorAlert;
    final int classificationWorkingDays;
    final int rapidResponseMeetingWorkingDays;
    final Period finalCaseDiscussion;
    /** A period (P21D), or a duration (PT10M) where a test runs the stage in minutes, as FormBTimers reads it. */
    final TemporalAmount formBDue;
    final Period reviewTarget;
    final Period reviewEscalation;

    AuditTargets(@Value("${cdr.timers.notification.designated-doctor-alert-within:PT15M}") Duration designatedDoctorAlert,
            @Value("${cdr.timers.notification.classification-escalation-working-days:1}") int classificationWorkingDays,
            @Value("${cdr.timers.rapid-response.meeting-within-working-days:5}") int rapidResponseMeetingWorkingDays,
            @Value("${cdr.timers.final-case-discussion.target:P12W}") Period finalCaseDiscussion,
            @Value("${cdr.timers.form-b.due:P21D}") String formBDue,
            @Value("${cdr.timers.cdop.review-target:P6M}") Period reviewTarget,
            @Value("${cdr.timers.cdop.escalation:P12M}") Period reviewEscalation) {
        this.designatedDoctorAlert = designatedDoctorAlert;
        this.classificationWorkingDays = classificationWorkingDays;
        this.rapidResponseMeetingWorkingDays = rapidResponseMeetingWorkingDays;
        this.finalCaseDiscussion = finalCaseDiscussion;
        this.formBDue = amount(formBDue);
        this.reviewTarget = reviewTarget;
        this.reviewEscalation = reviewEscalation;
    }

    /** The target in words, with the setting it comes from. */
    public Target of(AuditStandard standard) {
        return switch (standard) {
            case DESIGNATED_DOCTOR_ALERTED -> new Target("within " + designatedDoctorAlert.toMinutes()
                    + " minutes of the notification", "cdr.timers.notification.designated-doctor-alert-within");
            case OUT_OF_HOURS_ACKNOWLEDGED -> new Target("by the next opening (09:00 on the next working day)",
                    "cdr.calendar.opens");
            case CLASSIFIED -> new Target("within " + classificationWorkingDays + " working day"
                    + (classificationWorkingDays == 1 ? "" : "s") + " of the notification",
                    "cdr.timers.notification.classification-escalation-working-days");
            case RAPID_RESPONSE_STARTED -> new Target("every unexpected death, road traffic collisions and homicides "
                    + "included", null);
            case INFORMATION_SHARED -> new Target("within 1 working day of the notification", null);
            case RAPID_RESPONSE_MEETING -> new Target("within " + rapidResponseMeetingWorkingDays
                    + " working days of the notification", "cdr.timers.rapid-response.meeting-within-working-days");
            case FINAL_CASE_DISCUSSION -> new Target("held within " + words(finalCaseDiscussion) + " of the death",
                    "cdr.timers.final-case-discussion.target");
            case FORM_B_RETURNED -> new Target("returned within " + words(formBDue) + " of the request",
                    "cdr.timers.form-b.due");
            case REVIEWED_WITHIN_TARGET -> new Target("within " + words(reviewTarget) + " of the death",
                    "cdr.timers.cdop.review-target");
            case REVIEWED_BEFORE_ESCALATION -> new Target("within " + words(reviewEscalation) + " of the death",
                    "cdr.timers.cdop.escalation");
            case BEREAVEMENT_SUPPORT -> new Target("offered to every family, with the families' leaflet", null);
        };
    }

    public record Target(String words, String setting) {
    }

    private static TemporalAmount amount(String text) {
        try {
            return Period.parse(text);
        } catch (DateTimeParseException notAPeriod) {
            return Duration.parse(text);
        }
    }

    static String words(TemporalAmount amount) {
        if (amount instanceof Duration duration) {
            return duration.toMinutes() % 60 == 0 ? duration.toHours() + " hours" : duration.toMinutes() + " minutes";
        }
        return words((Period) amount);
    }

    static String words(Period period) {
        if (period.getDays() == 0 && period.getYears() == 0) {
            return period.getMonths() + " month" + (period.getMonths() == 1 ? "" : "s");
        }
        if (period.getMonths() == 0 && period.getYears() == 0 && period.getDays() % 7 == 0 && period.getDays() >= 28) {
            return period.getDays() / 7 + " weeks";
        }
        if (period.getMonths() == 0 && period.getYears() == 0) {
            return period.getDays() + " days";
        }
        return period.toString();
    }
}
