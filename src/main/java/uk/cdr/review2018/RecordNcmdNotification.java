package uk.cdr.review2018;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import uk.cdr.config.CaseVariables;
import uk.cdr.config.WhoIsCompleting;

/** On completing Task_NotifyNcmd: when the SPOC submitted the case to the NCMD; not before the notification, not ahead. */
@Component("recordNcmdNotification")
class RecordNcmdNotification implements TaskListener {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final Reviews2018 reviews;
    private final WhoIsCompleting who;
    private final Clock clock;

    RecordNcmdNotification(Reviews2018 reviews, WhoIsCompleting who, Clock clock) {
        this.reviews = reviews;
        this.who = who;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Answers a = new Answers(task);
        java.time.LocalDate day = a.dayDone("ncmdNotifiedOn", clock);
        java.time.LocalTime time = a.time("ncmdNotifiedTime");
        a.refuseIfAnyBroken();
        OffsetDateTime submitted = day.atTime(time).atZone(UK).toOffsetDateTime();
        Date notifiedAt = (Date) task.getVariable("notifiedAt");
        if (submitted.toInstant().isAfter(clock.instant())) {
            a.refuse("ncmdNotifiedTime", "must not be in the future");
        } else if (notifiedAt != null && submitted.toInstant().isBefore(notifiedAt.toInstant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES))) {
            a.refuse("ncmdNotifiedOn", "must not be before the death was notified to the CDOP");
        }
        a.refuseIfAnyBroken();
        reviews.recordNcmdNotification(CaseVariables.caseId(task), CaseVariables.caseReference(task), submitted, who.of(task));
    }
}
