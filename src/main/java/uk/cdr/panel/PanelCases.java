package uk.cdr.panel;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import uk.cdr.agencyreport.FormBDefinition;
import uk.cdr.agencyreport.FormBReturns;
import uk.cdr.area.Area;
import uk.cdr.area.Areas;
import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.child.AgeBand;
import uk.cdr.guidance.Edition;
import uk.cdr.guidance.Term;
import uk.cdr.web.CodeLabels;
import uk.cdr.web.UkDates;

/**
 * A case as the panel sees it at a meeting: an anonymised summary, the agencies' Form B returns
 * with the child's identifiers blanked out, the Form C (or the final case discussion's draft), its
 * recommendations and the case's reviews so far. Every read is audited.
 */
@Service
public class PanelCases {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    /** Who filled in a Form B is the agency's business; the panel reads what the agency knew. */
    private static final Set<String> NOT_FOR_THE_PANEL = Set.of("reporterName", "reporterEmail", "reporterPhone");
    /**
     * Form B speaks to the agency ("Your role"); the panel reads it about the agency. The other
     * labels are the same for both, less the "(optional)" or "(if known)" meant for the one answering.
     */
    private static final Map<String, String> LABELS_FOR_THE_PANEL = Map.of(
            "reporterRole", "Author's role",
            "reporterAgency", "Agency",
            "contactWith", "The agency had contact with");

    private final JdbcClient jdbc;
    private final FormBDefinition formB;
    private final FormBReturns formBReturns;
    private final CdopReviews reviews;
    private final Anonymiser anonymiser;
    private final AuditLog auditLog;
    private final Areas areas;

    PanelCases(JdbcClient jdbc, FormBDefinition formB, FormBReturns formBReturns, CdopReviews reviews, Anonymiser anonymiser,
            AuditLog auditLog, Areas areas) {
        this.areas = areas;
        this.jdbc = jdbc;
        this.formB = formB;
        this.formBReturns = formBReturns;
        this.reviews = reviews;
        this.anonymiser = anonymiser;
        this.auditLog = auditLog;
    }

    /**
     * The case in brief. The age is a band and the death a month ("November 2014"): an exact age
     * beside an exact date of death gives the date of birth.
     */
    public record Summary(UUID caseId, String caseReference, String reportingYearOfDeath, String monthOfDeath,
            String ageBand, boolean neonatal, String sex, String placeOfDeath, String deathClassification,
            boolean scrUnderConsideration, String status, LocalDate reviewCompletedOn, Area area, Edition edition) {

        /** A heading in the case's edition's words: "Form C" or "Analysis form". */
        public String heading(String term) {
            String words = edition.says(Term.valueOf(term));
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }

        /** "Agency reports (Form B)" or "Reporting forms". */
        public String agencyReportsHeading() {
            return edition == Edition.WORKING_TOGETHER_2013 ? "Agency reports (Form B)" : "Reporting forms";
        }

        public String noneReturned() {
            return "No agency returned " + (edition == Edition.WORKING_TOGETHER_2013 ? "a Form B." : "a reporting form.");
        }

        /** The review the safeguarding lead considers: a Serious Case Review, since 2018 a Child Safeguarding Practice Review. */
        public String safeguardingReview() {
            return edition == Edition.WORKING_TOGETHER_2013 ? "Serious Case Review" : "Child Safeguarding Practice Review";
        }

        /** As a sentence names it: "Form C" or "the analysis form". */
        public String theAnalysisForm() {
            return edition == Edition.WORKING_TOGETHER_2013 ? "Form C" : "the analysis form";
        }

        /** The same inside a sentence: "Form C" or "analysis form". */
        public String says(String term) {
            return edition.says(Term.valueOf(term));
        }
    }

    public record Answer(String question, String answer) {
    }

    public record FormBReturn(String agency, String reporterRole, LocalDate returnedOn, List<Answer> answers) {
    }

    public record PanelCase(Summary summary, List<FormBReturn> formBReturns, CdopReviews.SavedFormC formC,
            List<CdopReviews.RecommendationRow> recommendations, List<CdopReviews.Review> reviews,
            Optional<CdopReviews.Review> currentReview) {
    }

    public Optional<PanelCase> find(UUID caseId, String viewer) {
        Optional<Summary> summary = jdbc.sql("""
                select id, case_reference, reporting_year, date_of_death, date_of_birth, neonatal, sex, place_of_death,
                       death_classification, scr_under_consideration, status, review_completed_on, area, edition
                from case_file where id = ?""")
                .param(caseId)
                .query((rs, row) -> new Summary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        MonthOfDeath.of(rs.getObject(4, LocalDate.class)),
                        AgeBand.inWords(rs.getObject(5, LocalDate.class), rs.getObject(4, LocalDate.class)),
                        rs.getBoolean(6), CodeLabels.label(rs.getString(7)),
                        CodeLabels.label(rs.getString(8)), rs.getString(9), rs.getBoolean(10), rs.getString(11),
                        rs.getObject(12, LocalDate.class), areas.of(rs.getString(13)), Edition.ofRecord(rs.getString(14))))
                .optional();
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        Redaction redaction = anonymiser.forCase(caseId);
        CdopReviews.SavedFormC formC = reviews.formC(caseId).orElseThrow();
        CdopReviews.SavedFormC shown = new CdopReviews.SavedFormC(new FormC(formC.formC().domainChild(),
                formC.formC().domainFamily(), formC.formC().domainParenting(), formC.formC().domainServices(),
                formC.formC().category(), formC.formC().modifiable(), redaction.apply(formC.formC().learningPoints()),
                formC.formC().scrConsidered(), formC.formC().recommendationList().stream()
                        .map(r -> new FormC.Recommendation(r.ownerAgency(), redaction.apply(r.text()))).toList()),
                formC.version(), formC.savedBy(), formC.savedAt(), formC.fromDraft());
        List<CdopReviews.RecommendationRow> recommendations = reviews.recommendations(caseId).stream()
                .map(r -> new CdopReviews.RecommendationRow(r.id(), r.position(), r.ownerAgency(), redaction.apply(r.text()),
                        r.status(), r.doneBy(), r.doneAt()))
                .toList();
        auditLog.record(viewer, AuditAction.CASE_VIEWED, summary.get().caseReference(), "anonymised CDOP case summary");
        return Optional.of(new PanelCase(summary.get(), formBReturns(caseId, redaction), shown, recommendations,
                reviews.history(caseId).stream().map(r -> r.redacted(redaction)).toList(),
                reviews.current(caseId).map(r -> r.redacted(redaction))));
    }

    private List<FormBReturn> formBReturns(UUID caseId, Redaction redaction) {
        record Returned(UUID requestId, String agency, OffsetDateTime returnedAt) {
        }
        List<Returned> returned = jdbc.sql("""
                select request_id, reporter_agency, returned_at from agency_report where case_id = ? order by returned_at""")
                .param(caseId)
                .query((rs, row) -> new Returned(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class)))
                .list();
        List<FormBReturn> result = new ArrayList<>();
        for (Returned r : returned) {
            Map<String, Object> answers = formBReturns.answers(r.requestId()).orElse(Map.of());
            List<Answer> shown = new ArrayList<>();
            String role = null;
            for (FormBDefinition.Field field : formB.fields()) {
                Object value = answers.get(field.key());
                if (NOT_FOR_THE_PANEL.contains(field.key()) || value == null || value.toString().isBlank()) {
                    continue;
                }
                String text = value instanceof java.time.LocalDate date ? UkDates.inWords(date) : value.toString();
                if (field.hasOptions()) {
                    text = field.options().stream().filter(o -> o.value().equals(value.toString()))
                            .map(FormBDefinition.Option::label).findFirst().orElse(text);
                }
                if ("reporterRole".equals(field.key())) {
                    role = redaction.apply(text);
                }
                shown.add(new Answer(labelForThePanel(field), redaction.apply(text)));
            }
            result.add(new FormBReturn(redaction.apply(r.agency()), role, r.returnedAt().atZoneSameInstant(UK).toLocalDate(),
                    shown));
        }
        return result;
    }

    static String labelForThePanel(FormBDefinition.Field field) {
        return LABELS_FOR_THE_PANEL.getOrDefault(field.key(),
                field.label().replaceFirst("\\s*\\((optional|if known)\\)$", ""));
    }
}
