package uk.cdr.review2018;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.guidance.Edition;
import uk.cdr.reportingyears.YearChanges;

/**
 * Which supplementary reporting forms a 2018 case's agencies are asked for: suggested when the
 * Designated Doctor decides on the notification (a sudden death with no apparent cause: the sudden
 * unexpected deaths form), then the SPOC's to change while the case is open.
 */
@Service
public class SupplementaryForms {

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final YearChanges yearChanges;

    SupplementaryForms(JdbcClient jdbc, AuditLog auditLog, YearChanges yearChanges) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.yearChanges = yearChanges;
    }

    public record Chosen(String caseReference, List<Form> forms, List<Form> choices) {
    }

    public record Form(String code, String words) {
        static Form of(SupplementaryForm form) {
            return new Form(form.code(), form.words());
        }
    }

    /** A code that is not a supplementary form: 400, naming the field and the codes. */
    public static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** The case is not a 2018 case, or not a case at all: 404. */
    public static class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    /** Not for a closed case: 409. */
    public static class Closed extends RuntimeException {
        Closed(String message) {
            super(message);
        }
    }

    public Chosen of(UUID caseId) {
        Case c = find(caseId);
        return chosen(c.reference(), SupplementaryForm.read(c.kept()));
    }

    @Transactional
    public Chosen choose(UUID caseId, List<String> codes, String by) {
        Case c = find(caseId);
        if ("CLOSED".equals(c.status())) {
            throw new Closed("Case " + c.reference() + " is closed: its reporting forms can no longer change.");
        }
        if (codes == null) {
            throw new Refused("is required: a list of supplementary form codes, empty for none");
        }
        List<SupplementaryForm> forms = new ArrayList<>();
        for (String code : codes) {
            Optional<SupplementaryForm> form = SupplementaryForm.of(code == null ? null : code.trim());
            if (form.isEmpty()) {
                throw new Refused("must each be one of " + SupplementaryForm.choices() + ", not '" + code + "'");
            }
            forms.add(form.get());
        }
        keep(caseId, SupplementaryForm.kept(forms));
        Chosen chosen = chosen(c.reference(), SupplementaryForm.read(SupplementaryForm.kept(forms)));
        auditLog.record(by, AuditAction.CASE_CHANGED, c.reference(), "supplementary reporting forms: "
                + (chosen.forms().isEmpty() ? "none" : String.join("; ", chosen.forms().stream().map(Form::words).toList())));
        return chosen;
    }

    /** On the doctor's decision, unless the SPOC has already chosen. */
    void suggest(UUID caseId, Reviews2018.Decision decision) {
        List<SupplementaryForm> suggested = decision.suddenNoApparentCause()
                ? List.of(SupplementaryForm.SUDDEN_UNEXPECTED_DEATH) : List.of();
        jdbc.sql("update case_review_2018 set supplementary_forms = ? where case_id = ? and supplementary_forms is null")
                .params(SupplementaryForm.kept(suggested), caseId).update();
        yearChanges.caseChanged(caseId);
    }

    private void keep(UUID caseId, String kept) {
        jdbc.sql("insert into case_review_2018 (case_id) select ? where not exists (select 1 from case_review_2018 where case_id = ?)")
                .params(caseId, caseId).update();
        jdbc.sql("update case_review_2018 set supplementary_forms = ? where case_id = ?").params(kept, caseId).update();
        // The statistics read this table (not this column): the rule is that every writer counts its change.
        yearChanges.caseChanged(caseId);
    }

    private record Case(String reference, String edition, String status, String kept) {
    }

    private Case find(UUID caseId) {
        Case c = jdbc.sql("""
                select c.case_reference, c.edition, c.status, r.supplementary_forms
                from case_file c left join case_review_2018 r on r.case_id = c.id where c.id = ?""")
                .param(caseId)
                .query((rs, row) -> new Case(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional().orElseThrow(() -> new NotFound("No such case."));
        if (Edition.ofRecord(c.edition()) != Edition.STATUTORY_GUIDANCE_2018) {
            throw new NotFound("Case " + c.reference() + " follows Working Together 2013, whose agencies complete Form B: "
                    + "it has no supplementary reporting forms");
        }
        return c;
    }

    private static Chosen chosen(String reference, List<SupplementaryForm> forms) {
        return new Chosen(reference, forms.stream().map(Form::of).toList(),
                java.util.Arrays.stream(SupplementaryForm.values()).map(Form::of).toList());
    }
}
