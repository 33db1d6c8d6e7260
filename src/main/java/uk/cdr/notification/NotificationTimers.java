package uk.cdr.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Local policy timings of the notification stage (domain.md). BPMN reads them by this bean's
 * name, e.g. {@code ${notificationTimers.classificationEscalationWorkingDays()}}.
 */
@Component("notificationTimers")
public class NotificationTimers {

    private final int classificationEscalationWorkingDays;

    public NotificationTimers(
            @Value("${cdr.timers.notification.classification-escalation-working-days:1}") int classificationEscalationWorkingDays) {
        if (classificationEscalationWorkingDays < 1) {
            throw new IllegalArgumentException(
                    "cdr.timers.notification.classification-escalation-working-days must be at least 1");
        }
        this.classificationEscalationWorkingDays = classificationEscalationWorkingDays;
    }

    public int classificationEscalationWorkingDays() {
        return classificationEscalationWorkingDays;
    }
}
