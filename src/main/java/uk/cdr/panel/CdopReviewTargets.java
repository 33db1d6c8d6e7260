package uk.cdr.panel;

import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.cdr.config.OneEngineCommand;

/**
 * The CDOP's review targets, counted from the date of death: reviewed within 6 months, escalated
 * to the chair at 12 (local policy). BPMN reads the dates and the check through this bean's name.
 */
@Component("cdopReviewTargets")
public class CdopReviewTargets {

    public static final String PROCESS_KEY = "cdopReviewTargets";
    private static final String WATCHED_FROM = "watchedFrom";
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;
    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;
    private final OneEngineCommand oneEngineCommand;
    private final Period reviewTarget;
    private final Period escalation;
    private final java.time.Clock clock;

    public CdopReviewTargets(JdbcClient jdbc, RuntimeService runtimeService, RepositoryService repositoryService,
            OneEngineCommand oneEngineCommand, java.time.Clock clock,
            @Value("${cdr.timers.cdop.review-target:P6M}") Period reviewTarget,
            @Value("${cdr.timers.cdop.escalation:P12M}") Period escalation) {
        this.jdbc = jdbc;
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
        this.oneEngineCommand = oneEngineCommand;
        this.reviewTarget = reviewTarget;
        this.escalation = escalation;
        this.clock = clock;
    }

    /** A case to watch. */
    public record Watched(UUID caseId, String caseReference, java.time.LocalDate dateOfDeath) {
    }

    /** Called when a case is opened; one watch per case. */
    public void watch(UUID caseId, String caseReference, java.time.LocalDate dateOfDeath) {
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, caseReference,
                variables(new Watched(caseId, caseReference, dateOfDeath)));
    }

    /**
     * Called when many cases are opened at once (an import), as {@link #watch} for each: the
     * latest definition is looked up once, not per case, and the starts share one engine command,
     * so their rows go to the database in one flush.
     */
    public void watchAll(List<Watched> cases) {
        if (cases.isEmpty()) {
            return;
        }
        oneEngineCommand.run(() -> {
            String definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
                    .latestVersion().singleResult().getId();
            cases.forEach(c -> runtimeService.startProcessInstanceById(definitionId, c.caseReference(), variables(c)));
        });
    }

    private Map<String, Object> variables(Watched c) {
        return Map.of("caseId", c.caseId().toString(), "caseReference", c.caseReference(),
                "dateOfDeath", Date.from(c.dateOfDeath().atStartOfDay(UK).toInstant()),
                WATCHED_FROM, Date.from(clock.instant()));
    }

    /**
     * Tell about a target only if the case is unreviewed and the target was still ahead when the case
     * was opened: a case notified late, or imported from a spreadsheet, already carries its flags in
     * the queue; a burst of emails about targets passed before it existed helps nobody.
     */
    public boolean tellAtReviewTarget(DelegateExecution execution) {
        return tell(execution, reviewTargetAt((Date) execution.getVariable("dateOfDeath")));
    }

    public boolean tellAtEscalation(DelegateExecution execution) {
        return tell(execution, escalationAt((Date) execution.getVariable("dateOfDeath")));
    }

    private boolean tell(DelegateExecution execution, Date target) {
        Date watchedFrom = (Date) execution.getVariable(WATCHED_FROM);
        return unreviewed(execution) && (watchedFrom == null || target.after(watchedFrom));
    }

    public Date reviewTargetAt(Date dateOfDeath) {
        return at9(dateOfDeath, reviewTarget);
    }

    public Date escalationAt(Date dateOfDeath) {
        return at9(dateOfDeath, escalation);
    }

    /** Not yet reviewed: the case is still open (closure comes with the CDOP's ratification). */
    public boolean unreviewed(DelegateExecution execution) {
        return jdbc.sql("select count(*) from case_file where id = ? and status <> 'CLOSED'")
                .param(uk.cdr.config.CaseVariables.caseId(execution)).query(Integer.class).single() > 0;
    }

    private static Date at9(Date dateOfDeath, Period after) {
        return Date.from(dateOfDeath.toInstant().atZone(UK).toLocalDate().plus(after).atTime(9, 0).atZone(UK).toInstant());
    }
}
