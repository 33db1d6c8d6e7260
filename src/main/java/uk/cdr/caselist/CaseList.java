package uk.cdr.caselist;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import uk.cdr.area.Area;
import uk.cdr.area.Areas;
import uk.cdr.paging.Page;
import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.caseprocess.CaseStage;
import uk.cdr.child.AgeBand;

/**
 * Finds cases, newest reference first, a page at a time. Where a case is comes from case_stage,
 * which the case's process keeps (see {@link uk.cdr.caseprocess.CaseStages}). Every search is
 * audited with the references it showed; the values of identifying criteria are not written to
 * the audit log, only that they were used.
 */
@Service
public class CaseList {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final Areas areas;

    CaseList(JdbcClient jdbc, AuditLog auditLog, Areas areas) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.areas = areas;
    }

    public Page<ListedCase> search(CaseSearch search, Viewer viewer, String actor) {
        if (search.identifies() && !viewer.identifies()) {
            throw new IllegalArgumentException("the panel does not search by identifiers");
        }
        StringBuilder where = new StringBuilder(" from case_file c where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (search.reference() != null) {
            where.append(" and lower(c.case_reference) like ? escape '!'");
            params.add(containing(search.reference()));
        }
        if (search.name() != null) {
            // Every word of the name, in the first or the last name: "ima test" finds Ima Testrow.
            for (String word : search.name().split("\\s+")) {
                where.append(" and (lower(c.child_first_name) like ? escape '!' or lower(c.child_last_name) like ? escape '!')");
                params.add(containing(word));
                params.add(containing(word));
            }
        }
        if (search.nhsNumber() != null) {
            where.append(" and c.nhs_number = ?");
            params.add(search.nhsNumber());
        }
        if (search.dateOfBirth() != null) {
            where.append(" and c.date_of_birth = ?");
            params.add(search.dateOfBirth());
        }
        if (search.diedFrom() != null) {
            where.append(" and c.date_of_death >= ?");
            params.add(search.diedFrom());
        }
        if (search.diedTo() != null) {
            where.append(" and c.date_of_death <= ?");
            params.add(search.diedTo());
        }
        if (search.reportingYear() != null) {
            where.append(" and c.reporting_year = ?");
            params.add(search.reportingYear());
        }
        if (search.area() != null) {
            where.append(" and c.area = ?");
            params.add(search.area());
        }
        if (search.stage() == ListedStage.CLOSED) {
            where.append(" and c.status = 'CLOSED'");
        } else if (search.stage() == ListedStage.STOPPED) {
            where.append(" and c.status <> 'CLOSED' and not exists (select 1 from case_stage s where s.case_id = c.id)");
        } else if (search.stage() != null) {
            where.append(" and exists (select 1 from case_stage s where s.case_id = c.id and s.stage = ?)");
            params.add(search.stage().code());
        }
        long total = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(search.size());
        paged.add(Page.offset(search.page(), search.size()));
        List<Row> rows = jdbc.sql("""
                select c.id, c.case_reference, c.reporting_year, c.child_first_name, c.child_last_name, c.nhs_number,
                       c.date_of_birth, c.date_of_death, c.status, c.area""" + where
                + " order by c.reporting_year desc, c.sequence_in_year desc limit ? offset ?")
                .params(paged)
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                        "CLOSED".equals(rs.getString(9)), areas.of(rs.getString(10))))
                .list();
        Map<UUID, Set<CaseStage>> stages = stagesOf(rows.stream().map(Row::id).toList());
        List<ListedCase> items = rows.stream().map(r -> listed(r, stages.getOrDefault(r.id(), Set.of()), viewer)).toList();
        auditLog.record(actor, AuditAction.CASES_SEARCHED, null, auditDetail(search, total, items));
        return new Page<>(items, search.page(), search.size(), total);
    }

    private record Row(UUID id, String reference, String reportingYear, String firstName, String lastName,
            String nhsNumber, LocalDate dateOfBirth, LocalDate dateOfDeath, boolean closed, Area area) {
    }

    private static ListedCase listed(Row r, Set<CaseStage> stages, Viewer viewer) {
        List<ListedCase.Stage> where = new ArrayList<>();
        if (r.closed()) {
            where.add(ListedCase.Stage.of(ListedStage.CLOSED));
        } else if (stages.isEmpty()) {
            where.add(ListedCase.Stage.of(ListedStage.STOPPED));
        } else {
            stages.forEach(s -> where.add(ListedCase.Stage.of(ListedStage.of(s))));
        }
        String ageBand = r.dateOfBirth() == null ? null : AgeBand.inWords(r.dateOfBirth(), r.dateOfDeath());
        if (viewer.identifies()) {
            return new ListedCase(r.id(), r.reference(), r.reportingYear(), name(r), r.nhsNumber(), r.dateOfBirth(),
                    r.dateOfDeath(), MONTH.format(r.dateOfDeath()), ageBand, r.area(), where, r.closed(), viewer.url(r.id()));
        }
        return new ListedCase(r.id(), r.reference(), r.reportingYear(), null, null, null, null,
                MONTH.format(r.dateOfDeath()), ageBand, r.area(), where, r.closed(), viewer.url(r.id()));
    }

    private static String name(Row r) {
        return ((r.firstName() == null ? "" : r.firstName()) + " " + (r.lastName() == null ? "" : r.lastName())).trim();
    }

    private Map<UUID, Set<CaseStage>> stagesOf(List<UUID> caseIds) {
        Map<UUID, Set<CaseStage>> stages = new HashMap<>();
        if (caseIds.isEmpty()) {
            return stages;
        }
        String in = String.join(", ", caseIds.stream().map(id -> "?").toList());
        jdbc.sql("select case_id, stage from case_stage where case_id in (" + in + ")").params(new ArrayList<>(caseIds))
                .query(rs -> {
                    stages.computeIfAbsent(rs.getObject(1, UUID.class), id -> EnumSet.noneOf(CaseStage.class))
                            .add(CaseStage.valueOf(rs.getString(2)));
                });
        return stages;
    }

    /** "%word%", with the LIKE wildcards the user typed taken literally. */
    private static String containing(String text) {
        return "%" + text.toLowerCase(Locale.UK).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    /** Which criteria were used (identifying ones by name only), and which cases were shown. */
    private static String auditDetail(CaseSearch s, long total, List<ListedCase> shown) {
        List<String> criteria = new ArrayList<>();
        if (s.reference() != null) {
            criteria.add("reference '" + s.reference() + "'");
        }
        if (s.name() != null) {
            criteria.add("name");
        }
        if (s.nhsNumber() != null) {
            criteria.add("NHS number");
        }
        if (s.dateOfBirth() != null) {
            criteria.add("date of birth");
        }
        if (s.diedFrom() != null) {
            criteria.add("died from " + s.diedFrom());
        }
        if (s.diedTo() != null) {
            criteria.add("died to " + s.diedTo());
        }
        if (s.stage() != null) {
            criteria.add("stage " + s.stage().code());
        }
        if (s.reportingYear() != null) {
            criteria.add("reporting year " + s.reportingYear());
        }
        if (s.area() != null) {
            criteria.add("area " + s.area());
        }
        return "case search" + (criteria.isEmpty() ? "" : " by " + String.join(", ", criteria)) + "; page " + s.page()
                + "; " + total + " found; shown: " + String.join(", ", shown.stream().map(ListedCase::reference).toList());
    }
}
