package uk.cdr.panel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.cdr.config.CaseVariables;
import uk.cdr.config.FormAnswers;
import uk.cdr.config.WhoIsCompleting;
import uk.cdr.mail.GroupAddresses;
import uk.cdr.mail.Mailer;
import uk.cdr.rapidresponse.InvalidAnswers;
import uk.cdr.rapidresponse.InvalidAnswers.FieldError;
import uk.cdr.security.Role;

/**
 * The CDOP review's BPMN steps by the bean names the model uses. The listeners record the panel's
 * decision and the chair's ratification in the app's tables as the tasks complete; a refusal rolls
 * the completion back.
 */
@Configuration(proxyBeanMethods = false)
class CdopReviewSteps {


    @Bean
    TaskListener recordCdopReviewOutcome(CdopReviews reviews, WhoIsCompleting who) {
        return task -> {
            List<FieldError> unreadable = new ArrayList<>();
            LocalDate reviewBy = FormAnswers.date(task, "reviewBy", (f, r) -> unreadable.add(new FieldError(f, r)));
            if (!unreadable.isEmpty()) {
                throw new InvalidAnswers(unreadable);
            }
            String outcome = FormAnswers.text(task, "outcome");
            reviews.decide(reviews.ofProcess(task.getProcessInstanceId()).id(), outcome,
                    FormAnswers.text(task, "deferralReason"), FormAnswers.text(task, "deferralDetail"), reviewBy, who.of(task));
            // What the panel wrote stays in the app's tables, not in the engine.
            task.getExecution().removeVariable("deferralDetail");
            if ("deferred".equals(outcome)) {
                task.getExecution().setVariable("reviewByAt", java.util.Date.from(reviewBy.atTime(9, 0)
                        .atZone(java.time.ZoneId.of("Europe/London")).toInstant()));
            }
        };
    }

    @Bean
    TaskListener ratifyCdopReview(CdopReviews reviews, WhoIsCompleting who) {
        return task -> {
            if (!Boolean.TRUE.equals(FormAnswers.yes(task, "ratified"))) {
                throw new InvalidAnswers(List.of(new FieldError("ratified", "must be ticked to ratify the review")));
            }
            reviews.ratify(reviews.ofProcess(task.getProcessInstanceId()).id(), who.of(task));
        };
    }

    @Bean
    JavaDelegate sendDeferredCaseDueToSpoc(CdopReviews reviews, Mailer mailer, GroupAddresses addresses,
            @Value("${cdr.public-base-url}") String baseUrl) {
        return execution -> {
            String reference = CaseVariables.caseReference(execution);
            CdopReviews.Review review = reviews.ofProcess(execution.getProcessInstanceId());
            mailer.send(new Mailer.Email(CaseVariables.caseId(execution), "CDOP_DEFERRED_DUE:" + review.id(),
                    addresses.of(Role.SPOC.groupId()), "Deferred case " + reference + " is due back at the CDOP", """
                    The CDOP deferred case %s at its meeting of %s (%s) to be reviewed by %s.
                    It has not been assigned to a meeting since. Assign it from the CDOP case queue:
                    %s/cdop/queue?state=DEFERRED
                    """.formatted(reference, review.meetingOn(), review.deferralReason().replace('-', ' '),
                    review.reviewBy(), baseUrl)));
        };
    }

    @Bean
    JavaDelegate sendCaseClosedToSpoc(CdopReviews reviews, Mailer mailer, GroupAddresses addresses,
            @Value("${cdr.public-base-url}") String baseUrl) {
        return execution -> {
            UUID caseId = CaseVariables.caseId(execution);
            String reference = CaseVariables.caseReference(execution);
            CdopReviews.Review review = reviews.ofProcess(execution.getProcessInstanceId());
            mailer.send(new Mailer.Email(caseId, "CDOP_CASE_CLOSED:" + review.id(), addresses.of(Role.SPOC.groupId()),
                    "Case " + reference + " reviewed by the CDOP and closed", """
                    The CDOP reviewed case %s at its meeting of %s and the chair has ratified the review.
                    The case is closed; its review was completed on %s.

                    Case page: %s/cases/%s
                    """.formatted(reference, review.meetingOn(), review.meetingOn(), baseUrl, caseId)));
        };
    }
}
