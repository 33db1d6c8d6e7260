package uk.cdr.processaudit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import uk.cdr.processaudit.AuditReport.Month;
import uk.cdr.processaudit.Measure.Result;
import uk.cdr.area.Areas;
import uk.cdr.security.CurrentUser;
import uk.cdr.web.DateInput;

/**
 * The process audit page: each standard's figures for a reporting year or any days, its barriers
 * and its months, every figure linking to the cases behind it; and each standard's cases.
 */
@Controller
class ProcessAuditPage {

    private final ProcessAudit audit;
    private final Clock clock;
    private final Areas areas;

    ProcessAuditPage(ProcessAudit audit, Clock clock, Areas areas) {
        this.audit = audit;
        this.clock = clock;
        this.areas = areas;
    }

    /** A reporting year, or from and to typed day first; the current reporting year when none. */
    @GetMapping("/process-audit")
    String page(@RequestParam Map<String, String> query, Authentication user, Model model, HttpServletResponse response) {
        AuditPeriod period = period(query, model, response);
        if (period == null) {
            return "processaudit/audit";
        }
        AuditReport report = audit.report(period, user.getName());
        model.addAttribute("report", report);
        model.addAttribute("query", queryOf(period));
        Map<String, MonthChart> charts = new LinkedHashMap<>();
        report.standards().forEach(s -> charts.put(s.id(), MonthChart.of(s.months())));
        model.addAttribute("charts", charts);
        return "processaudit/audit";
    }

    @GetMapping("/process-audit/{standard}")
    String cases(@PathVariable String standard, @RequestParam Map<String, String> query, Authentication user,
            Model model, HttpServletResponse response) {
        AuditStandard chosen = AuditStandard.byId(standard).orElse(null);
        if (chosen == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("error", "There is no audit standard " + standard + ".");
            return "processaudit/cases";
        }
        model.addAttribute("auditStandard", chosen);
        model.addAttribute("target", audit.target(chosen));
        AuditPeriod period = period(query, model, response);
        if (period == null) {
            return "processaudit/cases";
        }
        Result result;
        try {
            result = Result.ofQuery(query.get("result"));
        } catch (AuditPeriod.InvalidPeriod e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", "Result " + e.rule() + ".");
            return "processaudit/cases";
        }
        CurrentUser viewer = CurrentUser.from(user).orElseThrow();
        model.addAttribute("result", result);
        model.addAttribute("periodLabel", period.label());
        model.addAttribute("query", queryOf(period));
        model.addAttribute("cases", audit.cases(chosen, period, result, user.getName()).stream()
                .map(m -> ProcessAuditController.shown(m, chosen, viewer)).toList());
        return "processaudit/cases";
    }

    private AuditPeriod period(Map<String, String> query, Model model, HttpServletResponse response) {
        model.addAttribute("areas", areas.all());
        model.addAttribute("area", null);
        Areas.Filter area = areas.filter(query.get("area"));
        if (area.rule() != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", "Area " + area.rule() + ".");
            return null;
        }
        model.addAttribute("area", area.code());
        AuditPeriod days = days(query, model, response);
        return days == null ? null : days.of(area.area());
    }

    private AuditPeriod days(Map<String, String> query, Model model, HttpServletResponse response) {
        DateInput from = DateInput.read(query, "from");
        DateInput to = DateInput.read(query, "to");
        model.addAttribute("year", query.get("year"));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        // Dates typed day first (the audit page), or as the API writes them (links from the page itself).
        String fromIso = from.blank() ? query.get("from") : from.iso();
        String toIso = to.blank() ? query.get("to") : to.iso();
        try {
            if (from.problem() != null || to.problem() != null) {
                throw new AuditPeriod.InvalidPeriod(from.problem() != null ? "from" : "to",
                        from.problem() != null ? from.problem() : to.problem());
            }
            if (fromIso != null || toIso != null) {
                AuditPeriod period = AuditPeriod.of(null, fromIso, toIso, LocalDate.now(clock));
                model.addAttribute("year", null);
                model.addAttribute("from", DateInput.of("from", period.from()));
                model.addAttribute("to", DateInput.of("to", period.to()));
                return period;
            }
            return AuditPeriod.of(query.get("year"), null, null, LocalDate.now(clock));
        } catch (AuditPeriod.InvalidPeriod e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", (e.field().equals("year") ? "Reporting year " : e.field().equals("from")
                    ? "From " : "To ") + e.rule() + ".");
            return null;
        }
    }

    /** The period as the API and CSV links ask for it. */
    private static String queryOf(AuditPeriod period) {
        return "from=" + period.from() + "&to=" + period.to() + (period.area() == null ? "" : "&area=" + period.area().code());
    }

    /**
     * Month by month, the share of cases decided (met or not met) that met the standard, as columns
     * of inline SVG; months with no case decided draw none.
     */
    record MonthChart(int width, int height, List<Column> columns, String summary) {

        private static final int COLUMN = 36;
        private static final int TOP = 14;
        private static final int PLOT = 100;

        record Column(String label, String monthInWords, int x, int y, int barHeight, String percent, int textY) {
        }

        static MonthChart of(List<Month> months) {
            List<Column> columns = new ArrayList<>();
            List<String> said = new ArrayList<>();
            for (int i = 0; i < months.size(); i++) {
                Month m = months.get(i);
                int height = m.percentMet() == null ? 0 : m.percentMet() * PLOT / 100;
                String label = m.monthInWords().substring(0, 3);
                columns.add(new Column(label, m.monthInWords(), i * COLUMN + 4, TOP + PLOT - height, height,
                        m.percentMet() == null ? "" : m.percentMet() + "%", TOP + PLOT - height - 3));
                said.add(m.monthInWords() + ": " + (m.percentMet() == null ? "none decided" : m.percentMet() + "% met"));
            }
            return new MonthChart(Math.max(months.size(), 1) * COLUMN + 8, TOP + PLOT + 20, columns,
                    "Share met, month by month. " + String.join("; ", said) + ".");
        }
    }
}
