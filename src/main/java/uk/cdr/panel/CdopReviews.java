package uk.cdr.panel;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.caseprocess.CaseProcess;
import uk.cdr.rapidresponse.InvalidAnswers;
import uk.cdr.rapidresponse.RapidResponses;
import uk.cdr.rapidresponse.InvalidAnswers.FieldError;
import uk.cdr.web.PlainText;
import uk.cdr.web.UkDates;
import uk.cdr.reportingyears.YearChanges;

/**
 * The CDOP review of one case at a panel meeting: the Form C the panel records, the outcome
 * (reviewed or deferred), the chair's ratification that closes the case, and reopening.
 */
@Service
public class CdopReviews {

    public static final List<String> DEFERRAL_REASONS = List.of("awaiting-inquest", "criminal-proceedings",
            "serious-case-review", "more-information");

    private final CaseProcess caseProcess;
    private final JdbcClient jdbc;
    private final YearChanges yearChanges;
    private final AuditLog auditLog;
    private final Clock clock;

    public CdopReviews(JdbcClient jdbc, AuditLog auditLog, Clock clock, CaseProcess caseProcess,
            YearChanges yearChanges) {
        this.caseProcess = caseProcess;
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
        this.yearChanges = yearChanges;
    }

    /** The Form C as last saved, or, before the first save, as the final case discussion drafted it. */
    public record SavedFormC(FormC formC, int version, String savedBy, OffsetDateTime savedAt, boolean fromDraft) {
    }

    public record Review(UUID id, UUID caseId, String caseReference, UUID meetingId, LocalDate meetingOn, String outcome,
            String deferralReason, LocalDate reviewBy, String decidedBy, String ratifiedBy, String meetingKind,
            String specialistsAttending) {

        /** A special neonatal panel's review: its findings go with the case to a routine meeting. */
        public boolean atNeonatalPanel() {
            return PanelMeetings.Kind.NEONATAL.name().equals(meetingKind);
        }

        /** As the panel sees it: free text written about the case, with the child's identifiers taken out. */
        Review redacted(Redaction redaction) {
            return new Review(id, caseId, caseReference, meetingId, meetingOn, outcome, deferralReason, reviewBy, decidedBy,
                    ratifiedBy, meetingKind, redaction.apply(specialistsAttending));
        }
    }

    public record RecommendationRow(UUID id, int position, String ownerAgency, String text, String status,
            String doneBy, OffsetDateTime doneAt) {
    }

    /** Someone else changed it first, or it is not open for this change: the user reloads. */
    public static class Conflict extends org.camunda.bpm.engine.BadUserRequestException {
        public Conflict(String message) {
            super(message);
        }
    }

    public Optional<SavedFormC> formC(UUID caseId) {
        Optional<SavedFormC> saved = jdbc.sql("""
                select domain_child, domain_family, domain_parenting, domain_services, category, modifiable,
                       learning_points, scr_considered, version, saved_by, saved_at
                from form_c where case_id = ?""")
                .param(caseId)
                .query((rs, row) -> new SavedFormC(new FormC(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7), rs.getBoolean(8),
                        recommendations(caseId).stream().map(r -> new FormC.Recommendation(r.ownerAgency(), r.text())).toList()),
                        rs.getInt(9), rs.getString(10), rs.getObject(11, OffsetDateTime.class), false))
                .optional();
        if (saved.isPresent()) {
            return saved;
        }
        return jdbc.sql("""
                select d.domain_child, d.domain_family, d.domain_parenting, d.domain_services, d.proposed_category,
                       d.proposed_modifiable, d.learning_points, c.scr_under_consideration
                from case_file c left join final_case_discussion d on d.case_id = c.id and d.outcome = 'HELD'
                where c.id = ?""")
                .param(caseId)
                .query((rs, row) -> new SavedFormC(new FormC(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), (Integer) rs.getObject(5), rs.getString(6), rs.getString(7),
                        rs.getBoolean(8) ? Boolean.TRUE : null, List.of()), 0, null, null, true))
                .optional();
    }

    public List<RecommendationRow> recommendations(UUID caseId) {
        return jdbc.sql("""
                select id, position, owner_agency, text, status, done_by, done_at from form_c_recommendation
                where case_id = ? order by position""")
                .param(caseId)
                .query((rs, row) -> new RecommendationRow(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
                .list();
    }

    public record Reopening(String reason, String reopenedBy, OffsetDateTime reopenedAt) {
    }

    /** How the case stands with the CDOP: closed with its review date, its reviews so far, reopenings. */
    public record Outline(String status, LocalDate reviewCompletedOn, List<Review> reviews, Optional<SavedFormC> formC,
            List<RecommendationRow> recommendations, List<Reopening> reopenings) {
    }

    public Outline outline(UUID caseId) {
        record Status(String status, LocalDate completedOn) {
        }
        Status status = jdbc.sql("select status, review_completed_on from case_file where id = ?").param(caseId)
                .query((rs, row) -> new Status(rs.getString(1), rs.getObject(2, LocalDate.class))).single();
        List<Reopening> reopenings = jdbc.sql("""
                select reason, reopened_by, reopened_at from case_reopening where case_id = ? order by reopened_at""")
                .param(caseId)
                .query((rs, row) -> new Reopening(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
                .list();
        return new Outline(status.status(), status.completedOn(), history(caseId),
                formC(caseId).filter(f -> !f.fromDraft()), recommendations(caseId), reopenings);
    }

    /** The review the case is in now: assigned to a meeting and not yet decided, or reviewed awaiting ratification. */
    public Optional<Review> current(UUID caseId) {
        return jdbc.sql(REVIEW_SELECT + " where r.case_id = ? and (r.outcome is null or (r.outcome = 'REVIEWED' and r.ratified_at is null))")
                .param(caseId).query(REVIEW_ROW).optional();
    }

    public Optional<Review> review(UUID reviewId) {
        return jdbc.sql(REVIEW_SELECT + " where r.id = ?").param(reviewId).query(REVIEW_ROW).optional();
    }

    public List<Review> history(UUID caseId) {
        return jdbc.sql(REVIEW_SELECT + " where r.case_id = ? order by m.held_on, r.decided_at").param(caseId)
                .query(REVIEW_ROW).list();
    }

    private static final String REVIEW_SELECT = """
            select r.id, r.case_id, c.case_reference, r.meeting_id, m.held_on, r.outcome, r.deferral_reason, r.review_by,
                   r.decided_by, r.ratified_by, m.kind, r.specialists_attending
            from cdop_review r join panel_meeting m on m.id = r.meeting_id join case_file c on c.id = r.case_id""";

    private static final org.springframework.jdbc.core.RowMapper<Review> REVIEW_ROW = (rs, row) -> new Review(
            rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class),
            rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
            rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12));

    /** The review a cdopReview process instance was started for. */
    public Review ofProcess(String processInstanceId) {
        return jdbc.sql(REVIEW_SELECT + " where r.process_instance_id = ?").param(processInstanceId).query(REVIEW_ROW)
                .optional().orElseThrow(() -> new IllegalStateException("No CDOP review for process " + processInstanceId));
    }

    /**
     * A cdopReview process is starting for the case (the case's process called it on its assignment
     * to a meeting): it is the process of the case's review just opened.
     */
    public void processStarted(String caseReference, String processInstanceId) {
        int linked = jdbc.sql("""
                update cdop_review set process_instance_id = ?
                where process_instance_id is null and outcome is null
                  and case_id = (select id from case_file where case_reference = ?)""")
                .params(processInstanceId, caseReference).update();
        if (linked != 1) {
            throw new IllegalStateException("Case " + caseReference + " has " + linked + " reviews awaiting their process");
        }
    }

    String processOf(UUID reviewId) {
        return jdbc.sql("select process_instance_id from cdop_review where id = ?").param(reviewId).query(String.class)
                .single();
    }

    /** The case's latest deferral: what the SPOC is told about when its review-by date passes. */
    public Review latestDeferral(UUID caseId) {
        return jdbc.sql(REVIEW_SELECT + " where r.case_id = ? and r.outcome = 'DEFERRED' order by r.decided_at desc")
                .param(caseId).query(REVIEW_ROW).list().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("Case " + caseId + " has no deferred review"));
    }

    /** A review opens when the case is assigned to a meeting. */
    UUID open(UUID caseId, UUID meetingId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into cdop_review (id, case_id, meeting_id) values (?, ?, ?)").params(id, caseId, meetingId).update();
        yearChanges.caseChanged(caseId);
        return id;
    }

    /**
     * Saves the panel's Form C while the case is under review. The version the panel member started
     * from must still be the latest: two members saving at once, the second is told, not overwritten.
     */
    @Transactional
    public int saveFormC(UUID caseId, int expectedVersion, FormC formC, String by) {
        Review review = current(caseId).filter(r -> r.outcome() == null).orElseThrow(() -> new Conflict(
                "Form C can be recorded only while the case is on a meeting's agenda and not yet reviewed or deferred."));
        formC.check();
        // One save at a time per case: the second waits here, then finds the version moved on.
        jdbc.sql("select id from case_file where id = ? for update").param(caseId).query(UUID.class).single();
        Optional<SavedFormC> latest = jdbc.sql("select saved_by, version from form_c where case_id = ?").param(caseId)
                .query((rs, row) -> new SavedFormC(null, rs.getInt(2), rs.getString(1), null, false)).optional();
        if (latest.map(SavedFormC::version).orElse(0) != expectedVersion) {
            throw new Conflict("Form C was saved by " + latest.map(SavedFormC::savedBy).orElse("someone else")
                    + " after you opened it. Reload to see their version, then make your changes again. "
                    + "Nothing of yours was saved.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        int version = expectedVersion + 1;
        if (latest.isEmpty()) {
            jdbc.sql("""
                    insert into form_c (case_id, domain_child, domain_family, domain_parenting, domain_services, category,
                        modifiable, learning_points, scr_considered, version, saved_by, saved_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)""")
                    .params(caseId, formC.domainChild(), formC.domainFamily(), formC.domainParenting(),
                            formC.domainServices(), formC.category(), formC.modifiable(), blankToNull(formC.learningPoints()),
                            formC.scrConsidered(), by, now)
                    .update();
            yearChanges.caseChanged(caseId);
        } else {
            jdbc.sql("""
                    update form_c set domain_child = ?, domain_family = ?, domain_parenting = ?, domain_services = ?,
                        category = ?, modifiable = ?, learning_points = ?, scr_considered = ?, version = ?, saved_by = ?,
                        saved_at = ?
                    where case_id = ?""")
                    .params(formC.domainChild(), formC.domainFamily(), formC.domainParenting(), formC.domainServices(),
                            formC.category(), formC.modifiable(), blankToNull(formC.learningPoints()), formC.scrConsidered(),
                            version, by, now, caseId)
                    .update();
            yearChanges.caseChanged(caseId);
        }
        // A recommendation kept as it was keeps its open/done status (a reopened case is reviewed again).
        List<RecommendationRow> existing = new ArrayList<>(recommendations(caseId));
        List<FormC.Recommendation> recommendations = formC.recommendationList();
        for (int i = 0; i < recommendations.size(); i++) {
            String agency = recommendations.get(i).ownerAgency().trim();
            String text = recommendations.get(i).text().trim();
            Optional<RecommendationRow> same = existing.stream()
                    .filter(r -> r.ownerAgency().equals(agency) && r.text().equals(text)).findFirst();
            if (same.isPresent()) {
                existing.remove(same.get());
                jdbc.sql("update form_c_recommendation set position = ? where id = ?").params(i + 1, same.get().id()).update();
            } else {
                jdbc.sql("""
                        insert into form_c_recommendation (id, case_id, position, owner_agency, text, status)
                        values (?, ?, ?, ?, ?, 'OPEN')""")
                        .params(UUID.randomUUID(), caseId, i + 1, agency, text).update();
            }
        }
        existing.forEach(gone -> jdbc.sql("delete from form_c_recommendation where id = ?").param(gone.id()).update());
        auditLog.record(by, AuditAction.CASE_CHANGED, review.caseReference(), "Form C saved (version " + version
                + "): category " + formC.category() + ", modifiable " + formC.modifiable());
        return version;
    }

    /** The panel's outcomes: a routine meeting completes a review, a special neonatal panel records its findings. */
    public static final String REVIEWED = "reviewed";
    public static final String DEFERRED = "deferred";
    public static final String NEONATAL_REVIEWED = "neonatal-reviewed";

    /**
     * The panel's decision at the meeting; called as the review task completes, so any refusal saves
     * nothing. A special neonatal panel does not complete the review ("all these cases were also
     * reviewed at full CDOP"): its findings, the specialists who attended and the Form C it saved as
     * a draft, go with the case to a routine meeting.
     */
    public void decide(UUID reviewId, String outcome, String deferralReason, String deferralDetail, LocalDate reviewBy,
            String specialistsAttending, String by) {
        Review review = review(reviewId).orElseThrow();
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (today.isBefore(review.meetingOn())) {
            errors.add(new FieldError("outcome", RapidResponses.outcomeFromTheMeetingDay(review.meetingOn())));
        }
        if (REVIEWED.equals(outcome) && review.atNeonatalPanel()) {
            errors.add(new FieldError("outcome", "is the neonatal panel's findings (neonatal-reviewed), or deferred: a special "
                    + "neonatal panel does not complete the review, a routine CDOP meeting does"));
        } else if (NEONATAL_REVIEWED.equals(outcome) && !review.atNeonatalPanel()) {
            errors.add(new FieldError("outcome", "is reviewed or deferred: only a special neonatal panel records findings "
                    + "for a routine meeting"));
        } else if (REVIEWED.equals(outcome) || NEONATAL_REVIEWED.equals(outcome)) {
            if (jdbc.sql("select count(*) from form_c where case_id = ?").param(review.caseId()).query(Integer.class).single() == 0) {
                errors.add(new FieldError("formC", REVIEWED.equals(outcome)
                        ? "must be recorded (saved) before the case is marked reviewed"
                        : "must be recorded (saved) as the neonatal panel's draft before its findings go on"));
            }
            if (NEONATAL_REVIEWED.equals(outcome)) {
                if (specialistsAttending == null || specialistsAttending.isBlank()) {
                    errors.add(new FieldError("specialistsAttending", "is required: the neonatal and obstetric specialists "
                            + "who attended (role and organisation)"));
                } else if (specialistsAttending.length() > 2000) {
                    errors.add(new FieldError("specialistsAttending", "must be at most 2000 characters"));
                } else if (!PlainText.isMultiLine(specialistsAttending)) {
                    errors.add(new FieldError("specialistsAttending", PlainText.MULTI_LINE_RULE));
                }
            }
        } else if (DEFERRED.equals(outcome)) {
            if (deferralReason == null || !DEFERRAL_REASONS.contains(deferralReason)) {
                errors.add(new FieldError("deferralReason", "is required: one of " + String.join(", ", DEFERRAL_REASONS)));
            }
            if (reviewBy == null || !reviewBy.isAfter(today)) {
                errors.add(new FieldError("reviewBy", "is required: a date after today, by which the case comes back"));
            }
            if (deferralDetail != null && deferralDetail.length() > 1000) {
                errors.add(new FieldError("deferralDetail", "must be at most 1000 characters"));
            } else if (!PlainText.isMultiLine(deferralDetail)) {
                errors.add(new FieldError("deferralDetail", PlainText.MULTI_LINE_RULE));
            }
        } else {
            errors.add(new FieldError("outcome", review.atNeonatalPanel()
                    ? "is required: neonatal-reviewed (the neonatal panel's findings) or deferred"
                    : "is required: reviewed or deferred"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidAnswers(errors);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (NEONATAL_REVIEWED.equals(outcome)) {
            jdbc.sql("""
                    update cdop_review set outcome = 'NEONATAL_REVIEWED', specialists_attending = ?, decided_by = ?,
                        decided_at = ? where id = ?""")
                    .params(specialistsAttending.trim(), by, now, reviewId).update();
            yearChanges.caseChanged(review.caseId());
            // Free to be assigned to a routine meeting, which completes the review.
            jdbc.sql("delete from panel_assignment where case_id = ?").param(review.caseId()).update();
            auditLog.record(by, AuditAction.CASE_CHANGED, review.caseReference(), "reviewed by the special neonatal panel "
                    + "of " + UkDates.inWords(review.meetingOn()) + "; its findings go to a routine CDOP meeting");
        } else if (REVIEWED.equals(outcome)) {
            jdbc.sql("update cdop_review set outcome = 'REVIEWED', decided_by = ?, decided_at = ? where id = ?")
                    .params(by, now, reviewId).update();
            yearChanges.caseChanged(review.caseId());
            auditLog.record(by, AuditAction.CASE_CHANGED, review.caseReference(), "reviewed by the CDOP at the meeting of "
                    + UkDates.inWords(review.meetingOn()) + "; awaiting the chair's ratification");
        } else {
            jdbc.sql("""
                    update cdop_review set outcome = 'DEFERRED', deferral_reason = ?, deferral_detail = ?, review_by = ?,
                        decided_by = ?, decided_at = ? where id = ?""")
                    .params(deferralReason, blankToNull(deferralDetail), reviewBy, by, now, reviewId).update();
            yearChanges.caseChanged(review.caseId());
            jdbc.sql("delete from panel_assignment where case_id = ?").param(review.caseId()).update();
            auditLog.record(by, AuditAction.CASE_CHANGED, review.caseReference(), "deferred at the CDOP meeting of "
                    + UkDates.inWords(review.meetingOn()) + " (" + OutcomeForm.DEFERRAL_REASONS.stream()
                    .filter(o -> o.value().equals(deferralReason)).map(OutcomeForm.Option::label)
                    .findFirst().orElse(deferralReason) + "), to be reviewed by "
                    + UkDates.inWords(reviewBy));
        }
    }

    /** The chair ratifies the panel's review: the case closes, its review completed on the meeting's date. */
    public void ratify(UUID reviewId, String by) {
        Review review = review(reviewId).orElseThrow();
        if (!"REVIEWED".equals(review.outcome()) || review.ratifiedBy() != null) {
            throw new Conflict("Case " + review.caseReference() + " has not been reviewed: there is nothing to ratify.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("update cdop_review set ratified_by = ?, ratified_at = ? where id = ?").params(by, now, reviewId).update();
        yearChanges.caseChanged(review.caseId());
        jdbc.sql("""
                update case_file set status = 'CLOSED', review_completed_on = ?, closed_at = ?, updated_at = ?,
                    version = version + 1 where id = ?""")
                .params(review.meetingOn(), now, now, review.caseId()).update();
        yearChanges.caseChanged(review.caseId());
        auditLog.record(by, AuditAction.CASE_CLOSED, review.caseReference(), "ratified by the CDOP chair; case closed, "
                + "review completed on " + review.meetingOn());
    }

    /** New information: the SPOC reopens a closed case, which goes back to the CDOP queue to be reviewed again. */
    @Transactional
    public void reopen(UUID caseId, String reason, String by) {
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw new InvalidAnswers(List.of(new FieldError("reason", "is required: the new information, at most 1000 characters")));
        }
        if (!PlainText.isMultiLine(reason)) {
            throw new InvalidAnswers(List.of(new FieldError("reason", PlainText.MULTI_LINE_RULE)));
        }
        record Closed(String reference, String status) {
        }
        Closed found = jdbc.sql("select case_reference, status from case_file where id = ? for update").param(caseId)
                .query((rs, row) -> new Closed(rs.getString(1), rs.getString(2))).optional()
                .orElseThrow(() -> new CdopQueue.UnknownCase(caseId));
        if (!"CLOSED".equals(found.status())) {
            throw new Conflict("Case " + found.reference() + " is not closed, so it cannot be reopened.");
        }
        if (caseProcess.running(found.reference()).isPresent()) {
            // Its last steps (the SPOC's email, withdrawing Form Bs) run just after the ratification.
            throw new Conflict("Case " + found.reference() + " is still closing. Try again in a minute.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("insert into case_reopening (id, case_id, reason, reopened_by, reopened_at) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), caseId, reason.trim(), by, now).update();
        yearChanges.caseChanged(caseId);
        jdbc.sql("update case_file set status = 'REOPENED', closed_at = null, updated_at = ?, version = version + 1 where id = ?")
                .params(now, caseId).update();
        yearChanges.caseChanged(caseId);
        jdbc.sql("delete from panel_assignment where case_id = ?").param(caseId).update();
        // A new run of the case's process, in the CDOP queue: its review targets were met by the first review.
        caseProcess.startAt(caseId, true, List.of(CaseProcess.StartPoint.before(CaseProcess.READY_FOR_CDOP)));
        auditLog.record(by, AuditAction.CASE_REOPENED, found.reference(), "reopened for the CDOP to review again: " + reason.trim());
    }

    /** The owner agency has acted on a recommendation. */
    @Transactional
    public void recommendationDone(UUID recommendationId, String by) {
        record Owner(String reference, String status) {
        }
        Owner owner = jdbc.sql("""
                select c.case_reference, r.status from form_c_recommendation r join case_file c on c.id = r.case_id
                where r.id = ? for update""")
                .param(recommendationId).query((rs, row) -> new Owner(rs.getString(1), rs.getString(2))).optional()
                .orElseThrow(() -> new CdopQueue.UnknownCase(recommendationId));
        if ("DONE".equals(owner.status())) {
            throw new Conflict("This recommendation is already marked done.");
        }
        jdbc.sql("update form_c_recommendation set status = 'DONE', done_by = ?, done_at = ? where id = ?")
                .params(by, OffsetDateTime.now(clock), recommendationId).update();
        auditLog.record(by, AuditAction.CASE_CHANGED, owner.reference(), "CDOP recommendation marked done");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
