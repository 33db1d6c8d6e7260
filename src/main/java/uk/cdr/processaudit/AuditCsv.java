package uk.cdr.processaudit;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import uk.cdr.processaudit.AuditReport.StandardFigures;
import uk.cdr.processaudit.ProcessAuditController.AuditCase;
import uk.cdr.web.UkDates;

/** The audit as CSV for a spreadsheet: one standard's figures, or the cases behind them. */
final class AuditCsv {

    private AuditCsv() {
    }

    /** Figure, value: the counts and times, then each reason, group and month. */
    static String figures(AuditReport report, StandardFigures s) {
        StringBuilder csv = new StringBuilder();
        line(csv, "Standard", s.title());
        line(csv, "Target", s.target());
        line(csv, "Period", report.period() + " (cases counted by " + s.countedBy() + ")");
        line(csv, "As of", UkDates.inWords(report.asOf()));
        line(csv, "In scope", String.valueOf(s.inScope()));
        line(csv, "Met", String.valueOf(s.met()));
        line(csv, "Not met", String.valueOf(s.missed()));
        line(csv, "Not yet due", String.valueOf(s.notYetDue()));
        line(csv, "No data", String.valueOf(s.noData()));
        line(csv, "Median time", s.median() == null ? "" : s.median());
        line(csv, "Worst time", s.worst() == null ? "" : s.worst());
        s.reasons().forEach(r -> line(csv, "Not met because: " + r.words(), String.valueOf(r.cases())));
        s.groups().forEach(g -> {
            line(csv, g.name() + ": in scope", String.valueOf(g.inScope()));
            line(csv, g.name() + ": met", String.valueOf(g.met()));
            line(csv, g.name() + ": not met", String.valueOf(g.missed()));
            line(csv, g.name() + ": median time", g.median() == null ? "" : g.median());
            line(csv, g.name() + ": worst time", g.worst() == null ? "" : g.worst());
        });
        if (s.formBActions() != null) {
            line(csv, "Chased", String.valueOf(s.formBActions().chased()));
            line(csv, "Extended", String.valueOf(s.formBActions().extended()));
            line(csv, "Withdrawn", String.valueOf(s.formBActions().withdrawn()));
        }
        s.months().forEach(m -> {
            line(csv, m.monthInWords() + ": met", String.valueOf(m.met()));
            line(csv, m.monthInWords() + ": not met", String.valueOf(m.missed()));
        });
        return "Figure,Value\r\n" + csv;
    }

    /** One row per case (Form B: per request), as the viewer may see it. */
    static String cases(AuditStandard standard, AuditPeriod period, List<AuditCase> cases) {
        StringBuilder csv = new StringBuilder(String.join(",", "Case", "Group", "Month", "Started", "Due", "Done",
                "Time taken", "Result", "Why not met")).append("\r\n");
        for (AuditCase c : cases) {
            csv.append(Stream.of(c.caseReference(), c.group(), c.month(), ProcessAuditController.inWords(c.start()),
                    ProcessAuditController.inWords(c.due()), ProcessAuditController.inWords(c.done()), c.took(),
                    c.resultInWords(), c.reasonInWords()).map(AuditCsv::cell).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, String figure, String value) {
        csv.append(cell(figure)).append(',').append(cell(value)).append("\r\n");
    }

    /** Quoted when it must be; a leading =, +, - or @ is kept as text, never run as a formula. */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
