package uk.cdr.rapidresponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Local policy timings of the rapid response (domain.md stage 4), read by BPMN through this
 * bean's name, e.g. {@code ${rapidResponseTimers.meetingWithinWorkingDays()}}.
 */
@Component("rapidResponseTimers")
public class RapidResponseTimers {

    private final int meetingWithinWorkingDays;

    public RapidResponseTimers(@Value("${cdr.timers.rapid-response.meeting-within-working-days:5}") int meetingWithinWorkingDays) {
        if (meetingWithinWorkingDays < 1) {
            throw new IllegalArgumentException("cdr.timers.rapid-response.meeting-within-working-days must be at least 1");
        }
        this.meetingWithinWorkingDays = meetingWithinWorkingDays;
    }

    public int meetingWithinWorkingDays() {
        return meetingWithinWorkingDays;
    }
}
