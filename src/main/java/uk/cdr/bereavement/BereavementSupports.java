package uk.cdr.bereavement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.config.RefusedAnswers;
import uk.cdr.config.RefusedAnswers.Refusal;

/**
 * The bereavement support offered to the family, which the CDR nurse makes sure of in every case
 * (domain.md, stage 4), and whether the families' leaflet was given: the record the process audit
 * reads, kept here rather than in the engine.
 */
@Service
public class BereavementSupports {

    public static final List<String> ANSWERS = List.of("accepted", "declined", "provided-elsewhere", "not-contactable");
    public static final List<String> YES_NO = List.of("yes", "no");

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final Clock clock;

    public BereavementSupports(JdbcClient jdbc, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public record BereavementSupport(String answer, LocalDate offeredOn, String leafletGiven, String recordedBy,
            OffsetDateTime recordedAt) {

        /** Offered to a family that could be reached (accepted, declined, or given by another service). */
        public boolean offered() {
            return !"not-contactable".equals(answer);
        }

        /** As forms/bereavement-support.form words the answers: "Offered and accepted on 10 March 2015; ...". */
        public String inWords() {
            String said = switch (answer) {
                case "accepted" -> "Offered and accepted";
                case "declined" -> "Offered and declined";
                case "provided-elsewhere" -> "Already provided by another service";
                default -> "The family could not be contacted";
            };
            return said + (offeredOn == null ? "" : " (offered on " + uk.cdr.web.UkDates.inWords(offeredOn) + ")")
                    + ("yes".equals(leafletGiven) ? "; the families' leaflet given" : "; the families' leaflet not given");
        }
    }

    public Optional<BereavementSupport> of(UUID caseId) {
        return jdbc.sql("""
                select answer, offered_on, leaflet_given, recorded_by, recorded_at from bereavement_support where case_id = ?""")
                .param(caseId)
                .query((rs, row) -> new BereavementSupport(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getString(4), rs.getObject(5, OffsetDateTime.class)))
                .optional();
    }

    /** The nurse's answers, checked field by field: nothing is kept when one is refused. */
    void record(UUID caseId, String caseReference, String answer, LocalDate offeredOn, String leafletGiven, String by) {
        List<Refusal> refusals = new ArrayList<>();
        if (answer == null || !ANSWERS.contains(answer)) {
            refusals.add(new Refusal("bereavementSupport", "Bereavement support is required: one of " + String.join(", ", ANSWERS)));
        }
        if (offeredOn != null && offeredOn.isAfter(LocalDate.now(clock))) {
            refusals.add(new Refusal("bereavementSupportOfferedOn", "Date offered must not be in the future"));
        }
        if (leafletGiven == null || !YES_NO.contains(leafletGiven)) {
            refusals.add(new Refusal("familiesLeaflet", "The families' leaflet is required: yes or no"));
        }
        if (!refusals.isEmpty()) {
            throw new RefusedAnswers(refusals);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        // The task is done once per case; a case whose process started again records it again.
        jdbc.sql("delete from bereavement_support where case_id = ?").param(caseId).update();
        jdbc.sql("""
                insert into bereavement_support (case_id, answer, offered_on, leaflet_given, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(caseId, answer, offeredOn, leafletGiven, by, now).update();
        auditLog.record(by, AuditAction.CASE_CHANGED, caseReference, "bereavement support recorded: " + answer
                + ("yes".equals(leafletGiven) ? ", families' leaflet given" : ", families' leaflet not given"));
    }
}
