package uk.cdr.notification;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;
import uk.cdr.config.FormAnswers;
import uk.cdr.config.WhoIsCompleting;
import uk.cdr.reportingyears.YearChanges;

/** On completing Task_RequestFormBReports: "no agency knew the child or family", so the case need not wait for any Form B. */
@Component("recordNoAgencyInvolved")
class RecordNoAgencyInvolved implements TaskListener {

    private final JdbcClient jdbc;
    private final YearChanges yearChanges;
    private final WhoIsCompleting who;
    private final Clock clock;

    RecordNoAgencyInvolved(JdbcClient jdbc, WhoIsCompleting who, Clock clock, YearChanges yearChanges) {
        this.jdbc = jdbc;
        this.who = who;
        this.clock = clock;
        this.yearChanges = yearChanges;
    }

    @Override
    public void notify(DelegateTask task) {
        if (Boolean.TRUE.equals(FormAnswers.yes(task, "noAgencyInvolved"))) {
            jdbc.sql("""
                    update case_file set form_b_proceed_reason = 'No agency knew the child or family',
                        form_b_proceed_by = ?, form_b_proceed_at = ? where id = ? and form_b_proceed_reason is null""")
                    .params(who.of(task), OffsetDateTime.now(clock),
                            CaseVariables.caseId(task))
                    .update();
            yearChanges.caseChanged(CaseVariables.caseId(task));
        }
    }
}
