package uk.cdr.processaudit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.cdr.calendar.WorkingDays;
import uk.cdr.processaudit.Measure.Result;

/**
 * Each standard measured on the case's own records (case file, notification, sent emails, task
 * records, rapid response, meetings, Form B requests, bereavement support, CDOP reviews): never the
 * engine's history, which is cleaned up. A case imported from the CDOP's spreadsheet takes part
 * where its data has the dates, and is "no data" where it has not, never met.
 */
@Component
class Milestones {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    static final String ACKNOWLEDGE = "Task_AcknowledgeNotification";
    static final String BEREAVEMENT = "Task_BereavementSupport";

    private final JdbcClient jdbc;
    private final WorkingDays workingDays;
    private final AuditTargets targets;

    Milestones(JdbcClient jdbc, WorkingDays workingDays, AuditTargets targets) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.targets = targets;
    }

    /** A case as the notification standards read it. */
    private record Notified(UUID id, String reference, OffsetDateTime notifiedAt, Boolean outOfHours, boolean imported,
            String classification, OffsetDateTime classifiedAt) {
    }

    /** Every measure of every standard whose clock started in the period, at this moment. */
    List<Measure> measure(AuditPeriod period, OffsetDateTime now) {
        List<Measure> measures = new ArrayList<>();
        measures.addAll(notificationStandards(period, now));
        measures.addAll(deathStandards(period, now));
        measures.addAll(formBs(period, now));
        return measures;
    }

    /** One standard's measures: only its family's records are read (notifications, deaths or Form B requests). */
    List<Measure> measure(AuditPeriod period, OffsetDateTime now, AuditStandard standard) {
        List<Measure> family = switch (standard.startsWith()) {
            case "death" -> deathStandards(period, now);
            case "request" -> formBs(period, now);
            default -> notificationStandards(period, now);
        };
        return family.stream().filter(m -> m.standard() == standard).toList();
    }

    private List<Measure> notificationStandards(AuditPeriod period, OffsetDateTime now) {
        String inPeriod = "select id from case_file where notified_at >= ? and notified_at < ?";
        Object[] bounds = {period.start(), period.endExclusive()};
        List<Notified> cases = jdbc.sql("""
                select id, case_reference, notified_at, out_of_hours, imported_at, death_classification, classified_at
                from case_file c where notified_at >= ? and notified_at < ?""" + period.areaCondition("c")
                + " order by notified_at, case_reference")
                .params(period.withArea(bounds))
                .query((rs, row) -> new Notified(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class), (Boolean) rs.getObject(4), rs.getObject(5) != null,
                        rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
                .list();
        Map<UUID, OffsetDateTime> alerted = firstTimes("""
                select case_id, min(sent_at) from sent_email where kind = 'DESIGNATED_DOCTOR_ALERT'
                and case_id in (""" + inPeriod + ") group by case_id", bounds);
        Map<UUID, OffsetDateTime> acknowledged = taskCompleted(ACKNOWLEDGE, "Acknowledge notification", inPeriod, bounds);
        Map<UUID, RapidResponse> rapidResponses = new HashMap<>();
        jdbc.sql("""
                select r.case_id, r.started_at, r.started_out_of_hours, r.recorded_at, r.meeting_convened,
                       (select min(m.scheduled_at) from case_meeting m
                        where m.case_id = r.case_id and m.kind = 'RAPID_RESPONSE' and m.held = true)
                from rapid_response r where r.case_id in (""" + inPeriod + ")")
                .params(bounds)
                .query((ResultSet rs) -> {
                    rapidResponses.put(rs.getObject(1, UUID.class), new RapidResponse(rs.getObject(2, OffsetDateTime.class),
                            rs.getBoolean(3), rs.getObject(4, OffsetDateTime.class), (Boolean) rs.getObject(5),
                            rs.getObject(6, OffsetDateTime.class)));
                });
        Map<UUID, Bereavement> bereavement = new HashMap<>();
        jdbc.sql("select case_id, answer, leaflet_given from bereavement_support where case_id in (" + inPeriod + ")")
                .params(bounds)
                .query((ResultSet rs) -> {
                    bereavement.put(rs.getObject(1, UUID.class), new Bereavement(rs.getString(2), rs.getString(3)));
                });
        Map<UUID, OffsetDateTime> bereavementOpen = firstTimes("""
                select case_id, min(created_at) from case_task where step = ? and ended_at is null
                and case_id in (""" + inPeriod + ") group by case_id", BEREAVEMENT, bounds[0], bounds[1]);

        List<Measure> measures = new ArrayList<>();
        for (Notified c : cases) {
            measures.add(alert(c, alerted.get(c.id()), now));
            if (c.imported() || Boolean.TRUE.equals(c.outOfHours())) {
                measures.add(acknowledgement(c, acknowledged.get(c.id()), now));
            }
            measures.add(classification(c, now));
            RapidResponse rr = rapidResponses.get(c.id());
            if ("unexpected".equals(c.classification())) {
                measures.add(new Measure(AuditStandard.RAPID_RESPONSE_STARTED, c.id(), c.reference(), null,
                        c.classifiedAt(), null, rr == null ? null : rr.startedAt(), rr == null ? Result.MISSED : Result.MET,
                        rr == null ? Reasons.NO_RAPID_RESPONSE : null));
            }
            if (rr != null) {
                measures.add(informationSharing(c, rr, now));
                if (Boolean.TRUE.equals(rr.meetingConvened())) {
                    measures.add(rapidResponseMeeting(c, rr, now));
                }
            }
            measures.add(bereavement(c, bereavement.get(c.id()), bereavementOpen.containsKey(c.id())));
        }
        return measures;
    }

    private record RapidResponse(OffsetDateTime startedAt, boolean startedOutOfHours, OffsetDateTime recordedAt,
            Boolean meetingConvened, OffsetDateTime meetingHeldAt) {
    }

    private record Bereavement(String answer, String leafletGiven) {
    }

    private Measure alert(Notified c, OffsetDateTime alertedAt, OffsetDateTime now) {
        String group = c.imported() || c.outOfHours() == null ? null : c.outOfHours() ? "Out of hours" : "In hours";
        if (c.imported()) {
            return noData(AuditStandard.DESIGNATED_DOCTOR_ALERTED, c, group);
        }
        OffsetDateTime due = c.notifiedAt().plus(targets.designatedDoctorAlert);
        Result result = Measure.byDue(alertedAt, due, now);
        return new Measure(AuditStandard.DESIGNATED_DOCTOR_ALERTED, c.id(), c.reference(), group, c.notifiedAt(), due,
                alertedAt, result, missed(result, alertedAt));
    }

    private Measure acknowledgement(Notified c, OffsetDateTime acknowledgedAt, OffsetDateTime now) {
        if (c.imported()) {
            return noData(AuditStandard.OUT_OF_HOURS_ACKNOWLEDGED, c, null);
        }
        OffsetDateTime due = uk(workingDays.nextOpening(Date.from(c.notifiedAt().toInstant())));
        Result result = Measure.byDue(acknowledgedAt, due, now);
        return new Measure(AuditStandard.OUT_OF_HOURS_ACKNOWLEDGED, c.id(), c.reference(), null, c.notifiedAt(), due,
                acknowledgedAt, result, missed(result, acknowledgedAt));
    }

    private Measure classification(Notified c, OffsetDateTime now) {
        if (c.imported()) {
            return noData(AuditStandard.CLASSIFIED, c, null);
        }
        OffsetDateTime due = uk(workingDays.plusWorkingDays(Date.from(c.notifiedAt().toInstant()),
                targets.classificationWorkingDays));
        Result result = Measure.byDue(c.classifiedAt(), due, now);
        return new Measure(AuditStandard.CLASSIFIED, c.id(), c.reference(), null, c.notifiedAt(), due, c.classifiedAt(),
                result, missed(result, c.classifiedAt()));
    }

    /** Shared by the next working day: when on-call professionals started it out of hours, that day. */
    private Measure informationSharing(Notified c, RapidResponse rr, OffsetDateTime now) {
        if (c.imported()) {
            return noData(AuditStandard.INFORMATION_SHARED, c, null);
        }
        OffsetDateTime due = uk(workingDays.plusWorkingDays(Date.from(c.notifiedAt().toInstant()), 1));
        OffsetDateTime shared = rr.startedOutOfHours() ? rr.startedAt() : rr.recordedAt();
        Result result = Measure.byDue(shared, due, now);
        return new Measure(AuditStandard.INFORMATION_SHARED, c.id(), c.reference(), null, c.notifiedAt(), due, shared,
                result, missed(result, shared));
    }

    /** On or before the due day: a meeting is set for a day, and that day counts whatever its hour. */
    private Measure rapidResponseMeeting(Notified c, RapidResponse rr, OffsetDateTime now) {
        LocalDate dueDay = uk(workingDays.plusWorkingDays(Date.from(c.notifiedAt().toInstant()),
                targets.rapidResponseMeetingWorkingDays)).toLocalDate();
        OffsetDateTime due = dueDay.plusDays(1).atStartOfDay(UK).toOffsetDateTime().minusNanos(1);
        OffsetDateTime held = rr.meetingHeldAt();
        Result result = Measure.byDue(held, due, now);
        return new Measure(AuditStandard.RAPID_RESPONSE_MEETING, c.id(), c.reference(), null, c.notifiedAt(), due, held,
                result, missed(result, held));
    }

    private static Measure bereavement(Notified c, Bereavement record, boolean taskOpen) {
        if (c.imported()) {
            return noData(AuditStandard.BEREAVEMENT_SUPPORT, c, null);
        }
        Result result;
        String reason = null;
        if (record == null) {
            result = taskOpen ? Result.NOT_YET_DUE : Result.MISSED;
            reason = taskOpen ? null : Reasons.NOT_DONE;
        } else if ("not-contactable".equals(record.answer())) {
            result = Result.MISSED;
            reason = Reasons.FAMILY_NOT_CONTACTABLE;
        } else if (!"yes".equals(record.leafletGiven())) {
            result = Result.MISSED;
            reason = Reasons.LEAFLET_NOT_GIVEN;
        } else {
            result = Result.MET;
        }
        return new Measure(AuditStandard.BEREAVEMENT_SUPPORT, c.id(), c.reference(), null, c.notifiedAt(), null, null,
                result, reason);
    }

    /** A case as the standards counted from the death read it. */
    private record Died(UUID id, String reference, LocalDate dateOfDeath, OffsetDateTime notifiedAt, boolean imported,
            LocalDate reviewCompletedOn, boolean rapidResponse, String discussionOutcome, String notConvenedReason,
            OffsetDateTime discussionHeldAt, String deferralReason, boolean formBLate) {

        Died withFormBLate(boolean late) {
            return new Died(id, reference, dateOfDeath, notifiedAt, imported, reviewCompletedOn, rapidResponse,
                    discussionOutcome, notConvenedReason, discussionHeldAt, deferralReason, late);
        }
    }

    private List<Measure> deathStandards(AuditPeriod period, OffsetDateTime now) {
        List<Died> cases = jdbc.sql("""
                select c.id, c.case_reference, c.date_of_death, c.notified_at, c.imported_at, c.review_completed_on,
                       rr.case_id, d.outcome, d.not_convened_reason,
                       (select m.scheduled_at from case_meeting m where m.id = d.meeting_id and m.held = true),
                       (select max(r.deferral_reason) from cdop_review r where r.case_id = c.id and r.outcome = 'DEFERRED'
                          and r.decided_at = (select max(l.decided_at) from cdop_review l
                                              where l.case_id = c.id and l.outcome = 'DEFERRED'))
                from case_file c
                left join rapid_response rr on rr.case_id = c.id
                left join final_case_discussion d on d.case_id = c.id
                where c.date_of_death >= ? and c.date_of_death <= ?""" + period.areaCondition("c") + """

                order by c.date_of_death, c.case_reference""")
                .params(period.withArea(period.from(), period.to()))
                .query((rs, row) -> died(rs))
                .list();
        // A case with a Form B returned late, withdrawn, or still out past its due time.
        java.util.Set<UUID> formBLate = new java.util.HashSet<>();
        jdbc.sql("""
                select case_id, requested_at, returned_at, status from agency_report_request
                where case_id in (select id from case_file where date_of_death >= ? and date_of_death <= ?)""")
                .params(period.from(), period.to())
                .query((ResultSet rs) -> {
                    OffsetDateTime due = rs.getObject(2, OffsetDateTime.class).plus(targets.formBDue);
                    OffsetDateTime returned = rs.getObject(3, OffsetDateTime.class);
                    if ("WITHDRAWN".equals(rs.getString(4)) || (returned == null ? due.isBefore(now) : returned.isAfter(due))) {
                        formBLate.add(rs.getObject(1, UUID.class));
                    }
                });
        List<Measure> measures = new ArrayList<>();
        for (Died found : cases) {
            Died c = found.withFormBLate(formBLate.contains(found.id()));
            OffsetDateTime died = c.dateOfDeath().atStartOfDay(UK).toOffsetDateTime();
            if (c.rapidResponse()) {
                measures.add(finalCaseDiscussion(c, died, now));
            }
            measures.add(review(AuditStandard.REVIEWED_WITHIN_TARGET, c, died,
                    endOf(c.dateOfDeath().plus(targets.reviewTarget)), now));
            measures.add(review(AuditStandard.REVIEWED_BEFORE_ESCALATION, c, died,
                    endOf(c.dateOfDeath().plus(targets.reviewEscalation)), now));
        }
        return measures;
    }

    private static Died died(ResultSet rs) throws SQLException {
        return new Died(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                rs.getObject(4, OffsetDateTime.class), rs.getObject(5) != null, rs.getObject(6, LocalDate.class),
                rs.getObject(7) != null, rs.getString(8), rs.getString(9), rs.getObject(10, OffsetDateTime.class),
                rs.getString(11), false);
    }

    private Measure finalCaseDiscussion(Died c, OffsetDateTime died, OffsetDateTime now) {
        OffsetDateTime due = endOf(c.dateOfDeath().plus(targets.finalCaseDiscussion));
        AuditStandard standard = AuditStandard.FINAL_CASE_DISCUSSION;
        if ("NOT_CONVENED".equals(c.discussionOutcome())) {
            return new Measure(standard, c.id(), c.reference(), null, died, due, null, Result.MISSED,
                    Reasons.ofRecord(c.notConvenedReason()));
        }
        if ("HELD".equals(c.discussionOutcome()) && c.discussionHeldAt() == null) {
            // Imported as held, without its day.
            return new Measure(standard, c.id(), c.reference(), null, died, due, null, Result.NO_DATA, null);
        }
        OffsetDateTime held = "HELD".equals(c.discussionOutcome()) ? c.discussionHeldAt() : null;
        Result result = Measure.byDue(held, due, now);
        String reason = result != Result.MISSED ? null : lateFormA(c) ? Reasons.LATE_FORM_A
                : held == null ? Reasons.NOT_DONE : Reasons.DONE_LATE;
        return new Measure(standard, c.id(), c.reference(), null, died, due, held, result, reason);
    }

    private Measure review(AuditStandard standard, Died c, OffsetDateTime died, OffsetDateTime due, OffsetDateTime now) {
        OffsetDateTime completed = c.reviewCompletedOn() == null ? null
                : c.reviewCompletedOn().atStartOfDay(UK).toOffsetDateTime();
        Result result = Measure.byDue(completed, due, now);
        String reason = null;
        if (result == Result.MISSED) {
            boolean discussionLate = c.rapidResponse() && !"HELD".equals(c.discussionOutcome())
                    || c.discussionHeldAt() != null && c.discussionHeldAt().isAfter(
                            endOf(c.dateOfDeath().plus(targets.finalCaseDiscussion)));
            reason = c.deferralReason() != null ? Reasons.ofRecord(c.deferralReason())
                    : discussionLate ? Reasons.FINAL_CASE_DISCUSSION_LATE
                    : c.formBLate() ? Reasons.FORM_B_NOT_RETURNED
                    : lateFormA(c) ? Reasons.LATE_FORM_A
                    : completed == null ? Reasons.NOT_DONE : Reasons.DONE_LATE;
        }
        return new Measure(standard, c.id(), c.reference(), null, died, due, completed, result, reason);
    }

    /** Form A is sent within 24 hours of the death (domain.md, stage 1): the SPOC told on a later day is late. */
    private static boolean lateFormA(Died c) {
        return c.notifiedAt() != null && c.notifiedAt().atZoneSameInstant(UK).toLocalDate().isAfter(c.dateOfDeath().plusDays(1));
    }

    private record Request(UUID id, UUID caseId, String reference, String agency, OffsetDateTime requestedAt,
            OffsetDateTime returnedAt, OffsetDateTime withdrawnAt, OffsetDateTime chasedAt, OffsetDateTime extendedAt) {
    }

    private List<Measure> formBs(AuditPeriod period, OffsetDateTime now) {
        List<Request> requests = jdbc.sql("""
                select r.id, r.case_id, c.case_reference, r.agency, r.requested_at, r.returned_at, r.withdrawn_at,
                       r.chased_at, r.extended_at
                from agency_report_request r join case_file c on c.id = r.case_id
                where r.requested_at >= ? and r.requested_at < ?""" + period.areaCondition("c")
                + " order by r.requested_at, c.case_reference")
                .params(period.withArea(period.start(), period.endExclusive()))
                .query((rs, row) -> new Request(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class),
                        rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class),
                        rs.getObject(9, OffsetDateTime.class)))
                .list();
        List<Measure> measures = new ArrayList<>();
        for (Request r : requests) {
            OffsetDateTime due = r.requestedAt().plus(targets.formBDue);
            Result result = Measure.byDue(r.returnedAt(), due, now);
            String reason = null;
            if (result == Result.MISSED) {
                reason = r.returnedAt() == null && r.withdrawnAt() != null ? Reasons.WITHDRAWN
                        : r.extendedAt() != null ? Reasons.EXTENDED
                        : r.chasedAt() != null ? Reasons.CHASED
                        : r.returnedAt() == null ? Reasons.NOT_DONE : Reasons.DONE_LATE;
            }
            measures.add(new Measure(AuditStandard.FORM_B_RETURNED, r.caseId(), r.reference(), AgencyTypes.of(r.agency()),
                    r.requestedAt(), due, r.returnedAt(), result, reason));
        }
        return measures;
    }

    private Map<UUID, OffsetDateTime> taskCompleted(String step, String name, String inPeriod, Object[] bounds) {
        // Task records from before case_task.step say only the model's name.
        return firstTimes("""
                select case_id, min(ended_at) from case_task
                where (step = ? or step is null and name = ?) and end_reason = 'completed'
                and case_id in (""" + inPeriod + ") group by case_id", step, name, bounds[0], bounds[1]);
    }

    private Map<UUID, OffsetDateTime> firstTimes(String sql, Object... params) {
        Map<UUID, OffsetDateTime> times = new HashMap<>();
        jdbc.sql(sql).params(params).query((ResultSet rs) -> {
            times.put(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class));
        });
        return times;
    }

    private static Measure noData(AuditStandard standard, Notified c, String group) {
        return new Measure(standard, c.id(), c.reference(), group, c.notifiedAt(), null, null, Result.NO_DATA, null);
    }

    private static String missed(Result result, OffsetDateTime done) {
        return result != Result.MISSED ? null : done == null ? Reasons.NOT_DONE : Reasons.DONE_LATE;
    }

    /** The last moment of the day: a target day is met by anything on it. */
    private static OffsetDateTime endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(UK).toOffsetDateTime().minusNanos(1);
    }

    private static OffsetDateTime uk(Date date) {
        return date.toInstant().atZone(UK).toOffsetDateTime();
    }
}
