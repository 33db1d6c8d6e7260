package uk.cdr.panel;

import java.util.Arrays;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import uk.cdr.area.Areas;

/** The CDOP case queue page for panel members and the SPOC: anonymised, filterable, oldest first. */
@Controller
class CdopQueuePage {

    private final CdopQueue queue;
    private final PanelMeetings meetings;
    private final Areas areas;

    CdopQueuePage(CdopQueue queue, PanelMeetings meetings, Areas areas) {
        this.queue = queue;
        this.meetings = meetings;
        this.areas = areas;
    }

    @GetMapping("/cdop/queue")
    String queue(@RequestParam(required = false) QueueState state, @RequestParam(required = false) String reportingYear,
            @RequestParam(required = false) UUID meetingId, @RequestParam(defaultValue = "age") String sort,
            @RequestParam(required = false) String area, @RequestParam(defaultValue = "1") String page, Model model,
            HttpServletResponse response) {
        String order = sort.equals("reference") ? "reference" : "age";
        int number = uk.cdr.paging.Page.typedNumber(page);
        model.addAttribute("areas", areas.all());
        Areas.Filter filter = areas.filter(area);
        String areaCode = filter.code();
        // An unknown area: the whole queue, with the area field saying why it was not narrowed.
        model.addAttribute("areaError", filter.rule() == null ? null : "Area " + filter.rule());
        if (filter.rule() != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        model.addAttribute("area", areaCode);
        uk.cdr.paging.Page<QueuedCase> found = queue.page(new CdopQueue.Filter(state, reportingYear, order, meetingId,
                areaCode), number, CdopQueue.PAGE_SIZE);
        model.addAttribute("found", found);
        model.addAttribute("cases", found.items());
        model.addAttribute("previousPage", found.hasPrevious()
                ? pageLink(state, reportingYear, meetingId, areaCode, order, found.page() - 1) : null);
        model.addAttribute("nextPage", found.hasNext()
                ? pageLink(state, reportingYear, meetingId, areaCode, order, found.page() + 1) : null);
        model.addAttribute("meetings", meetings.withOpenCases());
        model.addAttribute("meetingId", meetingId);
        model.addAttribute("states", Arrays.asList(QueueState.values()));
        model.addAttribute("state", state);
        model.addAttribute("reportingYear", reportingYear);
        model.addAttribute("sort", order);
        return "panel/queue";
    }

    /** The same filters and order, another page. */
    private static String pageLink(QueueState state, String reportingYear, UUID meetingId, String area, String sort,
            int page) {
        org.springframework.web.util.UriComponentsBuilder link = org.springframework.web.util.UriComponentsBuilder
                .fromPath("/cdop/queue");
        if (state != null) {
            link.queryParam("state", state.name());
        }
        if (reportingYear != null && !reportingYear.isBlank()) {
            link.queryParam("reportingYear", reportingYear.trim());
        }
        if (meetingId != null) {
            link.queryParam("meetingId", meetingId);
        }
        if (area != null) {
            link.queryParam("area", area);
        }
        return link.queryParam("sort", sort).queryParam("page", page).encode().build().toUriString();
    }
}
