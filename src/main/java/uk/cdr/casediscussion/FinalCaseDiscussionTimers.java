package uk.cdr.casediscussion;

import java.time.Period;
import java.time.ZoneId;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Local policy timings of the final case discussion (domain.md stage 5): target 12 weeks from the
 * death, a reminder at 10. BPMN reads them through this bean's name.
 */
@Component("finalCaseDiscussionTimers")
public class FinalCaseDiscussionTimers {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final Period reminder;
    private final Period target;

    public FinalCaseDiscussionTimers(@Value("${cdr.timers.final-case-discussion.reminder:P10W}") Period reminder,
            @Value("${cdr.timers.final-case-discussion.target:P12W}") Period target) {
        if (reminder.isNegative() || reminder.isZero() || target.toTotalMonths() * 31 + target.getDays()
                <= reminder.toTotalMonths() * 31 + reminder.getDays()) {
            throw new IllegalArgumentException("cdr.timers.final-case-discussion: the reminder must come before the target");
        }
        this.reminder = reminder;
        this.target = target;
    }

    /** 09:00 on the day the reminder falls due, counted from the date of death. */
    public Date reminderAt(Date dateOfDeath) {
        return at9(dateOfDeath, reminder);
    }

    public Date targetAt(Date dateOfDeath) {
        return at9(dateOfDeath, target);
    }

    private static Date at9(Date dateOfDeath, Period after) {
        return Date.from(dateOfDeath.toInstant().atZone(UK).toLocalDate().plus(after).atTime(9, 0).atZone(UK).toInstant());
    }
}
