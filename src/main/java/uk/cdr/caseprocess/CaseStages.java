package uk.cdr.caseprocess;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;

/**
 * The one record of where each open case is: the case's process writes it as it enters and leaves
 * its stages (execution listeners in the models, by this bean's name), in the same transaction as
 * the engine's own change, so the two cannot disagree. Everything that shows a case's state reads
 * it from here rather than working it out again from the stages' tables.
 */
@Component("caseStages")
public class CaseStages {

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseStages(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void enter(DelegateExecution execution, String stage) {
        UUID caseId = CaseVariables.caseId(execution);
        CaseStage entered = CaseStage.valueOf(stage);
        // A stage entered again (a deferred case assigned to its next meeting) keeps one row.
        jdbc.sql("delete from case_stage where case_id = ? and stage = ?").params(caseId, entered.name()).update();
        jdbc.sql("insert into case_stage (case_id, stage, entered_at) values (?, ?, ?)")
                .params(caseId, entered.name(), OffsetDateTime.now(clock)).update();
    }

    public void leave(DelegateExecution execution, String stage) {
        jdbc.sql("delete from case_stage where case_id = ? and stage = ?")
                .params(CaseVariables.caseId(execution), CaseStage.valueOf(stage).name()).update();
    }

    /** The case's process has ended: closed, or cancelled in Cockpit. */
    public void leaveAll(DelegateExecution execution) {
        jdbc.sql("delete from case_stage where case_id = ?").param(CaseVariables.caseId(execution)).update();
    }

    public Set<CaseStage> of(UUID caseId) {
        Set<CaseStage> stages = EnumSet.noneOf(CaseStage.class);
        jdbc.sql("select stage from case_stage where case_id = ?").param(caseId).query(String.class).list()
                .forEach(s -> stages.add(CaseStage.valueOf(s)));
        return stages;
    }
}
