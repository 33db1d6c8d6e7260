package uk.cdr.panel;

import java.time.Period;
import java.time.ZoneId;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The CDOP's review targets, counted from the date of death: reviewed within 6 months, escalated
 * to the chair at 12 (local policy). They are timers on the open case in
 * bpmn/child-death-review.bpmn, which reads the dates through this bean's name; a case closed
 * before a target ends its timer, so nothing here asks whether it was reviewed.
 */
@Component("cdopReviewTargets")
public class CdopReviewTargets {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final Period reviewTarget;
    private final Period escalation;

    public CdopReviewTargets(@Value("${cdr.timers.cdop.review-target:P6M}") Period reviewTarget,
            @Value("${cdr.timers.cdop.escalation:P12M}") Period escalation) {
        this.reviewTarget = reviewTarget;
        this.escalation = escalation;
    }

    public Date reviewTargetAt(Date dateOfDeath) {
        return at9(dateOfDeath, reviewTarget);
    }

    public Date escalationAt(Date dateOfDeath) {
        return at9(dateOfDeath, escalation);
    }

    private static Date at9(Date dateOfDeath, Period after) {
        return Date.from(dateOfDeath.toInstant().atZone(UK).toLocalDate().plus(after).atTime(9, 0).atZone(UK).toInstant());
    }
}
