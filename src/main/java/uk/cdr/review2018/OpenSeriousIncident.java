package uk.cdr.review2018;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;

/** Start of serious-incident.bpmn: its deadlines count from now, when abuse or neglect became known. */
@Component("openSeriousIncident")
class OpenSeriousIncident implements ExecutionListener {

    private final Reviews2018 reviews;
    private final Clock clock;

    OpenSeriousIncident(Reviews2018 reviews, Clock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariable("seriousIncidentKnownAt", Date.from(clock.instant()));
        reviews.seriousIncidentKnown(CaseVariables.caseId(execution), CaseVariables.caseReference(execution));
    }
}
