package uk.cdr.panel;

import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The CDOP's review targets, counted from the date of death: reviewed within 6 months, escalated
 * to the chair at 12 (local policy). BPMN reads the dates and the check through this bean's name.
 */
@Component("cdopReviewTargets")
public class CdopReviewTargets {

    public static final String PROCESS_KEY = "cdopReviewTargets";
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;
    private final RuntimeService runtimeService;
    private final Period reviewTarget;
    private final Period escalation;

    public CdopReviewTargets(JdbcClient jdbc, RuntimeService runtimeService,
            @Value("${cdr.timers.cdop.review-target:P6M}") Period reviewTarget,
            @Value("${cdr.timers.cdop.escalation:P12M}") Period escalation) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.reviewTarget = reviewTarget;
        this.escalation = escalation;
    }

    /** Called when a case is opened; one watch per case. */
    public void watch(UUID caseId, String caseReference, java.time.LocalDate dateOfDeath) {
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, caseReference, java.util.Map.of("caseId",
                caseId.toString(), "caseReference", caseReference,
                "dateOfDeath", Date.from(dateOfDeath.atStartOfDay(UK).toInstant())));
    }

    public Date reviewTargetAt(Date dateOfDeath) {
        return at9(dateOfDeath, reviewTarget);
    }

    public Date escalationAt(Date dateOfDeath) {
        return at9(dateOfDeath, escalation);
    }

    /** Not yet reviewed: the case is still open (closure comes with the CDOP's ratification). */
    public boolean unreviewed(String caseId) {
        return jdbc.sql("select count(*) from case_file where id = ? and status <> 'CLOSED'")
                .param(UUID.fromString(caseId)).query(Integer.class).single() > 0;
    }

    private static Date at9(Date dateOfDeath, Period after) {
        return Date.from(dateOfDeath.toInstant().atZone(UK).toLocalDate().plus(after).atTime(9, 0).atZone(UK).toInstant());
    }
}
