package uk.cdr.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import uk.cdr.area.Area;
import uk.cdr.area.Areas;

/**
 * The annual statistics page: every table with the previous year beside it, charts where people
 * would rather look than read, CSV links, and a switch between the internal and public versions.
 * Made to be printed into the annual report.
 */
@Controller
class StatisticsPage {

    private final Statistics statistics;
    private final Clock clock;
    private final Areas areas;

    StatisticsPage(Statistics statistics, Clock clock, Areas areas) {
        this.statistics = statistics;
        this.clock = clock;
        this.areas = areas;
    }

    /** Without a year, the last complete reporting year: the one an annual report is about. */
    @GetMapping("/statistics")
    String page(@RequestParam(required = false) String year, @RequestParam(required = false) String version,
            @RequestParam(required = false) String area, Model model, HttpServletResponse response) {
        model.addAttribute("year", year);
        model.addAttribute("version", version);
        model.addAttribute("areas", areas.all());
        model.addAttribute("area", area);
        ReportingPeriod period;
        Version chosen;
        Area of = null;
        model.addAttribute("areaError", null);
        try {
            period = year == null || year.isBlank() ? ReportingPeriod.containing(LocalDate.now(clock)).previous()
                    : ReportingPeriod.parse(year);
            chosen = Version.of(version);
        } catch (ReportingPeriod.InvalidYear | Version.InvalidVersion e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", e.getMessage());
            return "statistics/statistics";
        }
        Areas.Filter filter = areas.filter(area);
        of = filter.area();
        if (filter.rule() != null) {
            // The whole CDOP's figures, with the message saying why they are not narrowed.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("error", "Area " + filter.rule());
            model.addAttribute("areaError", filter.rule());
        }
        YearReport report = statistics.report(period, chosen, of);
        model.addAttribute("area", of == null ? null : of.code());
        model.addAttribute("year", report.year());
        model.addAttribute("version", chosen.code());
        model.addAttribute("report", report);
        model.addAttribute("cells", new Cells());
        model.addAttribute("asOf", report.asOf() == null ? null : YearEnd.inWords(report.asOf()));
        // Each chart is drawn with its table, by table name.
        model.addAttribute("charts", Stream.of(
                Chart.of(report, "deaths-by-age", "Deaths by age at death"),
                Chart.of(report, "reviews-by-category", "Reviews completed by category of death"),
                Chart.of(report, "reviews-by-modifiable", "Reviews completed by modifiable factors"),
                Chart.of(report, "time-to-review", "Time from death to review completed"))
                .collect(Collectors.toMap(Chart::table, chart -> chart)));
        return "statistics/statistics";
    }
}
