package uk.cdr.review2018;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Serious incident deadlines (domain-2018.md), in working days from when abuse or neglect became
 * known: the national panel's notification within 5, the rapid review within 15. The notification
 * of the Secretary of State and Ofsted for a looked-after child is due on the first.
 */
@Component("seriousIncidentTimers")
public class SeriousIncidentTimers {

    private final int nationalPanelWithinWorkingDays;
    private final int rapidReviewWithinWorkingDays;

    public SeriousIncidentTimers(
            @Value("${cdr.timers.serious-incident.national-panel-within-working-days:5}") int nationalPanel,
            @Value("${cdr.timers.serious-incident.rapid-review-within-working-days:15}") int rapidReview) {
        if (nationalPanel < 1 || rapidReview < nationalPanel) {
            throw new IllegalArgumentException("cdr.timers.serious-incident: the national panel's notification must be due "
                    + "at least 1 working day after, and the rapid review no sooner than it");
        }
        this.nationalPanelWithinWorkingDays = nationalPanel;
        this.rapidReviewWithinWorkingDays = rapidReview;
    }

    public int nationalPanelWithinWorkingDays() {
        return nationalPanelWithinWorkingDays;
    }

    public int rapidReviewWithinWorkingDays() {
        return rapidReviewWithinWorkingDays;
    }
}
