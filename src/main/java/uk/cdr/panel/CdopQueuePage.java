package uk.cdr.panel;

import java.util.Arrays;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The CDOP case queue page for panel members and the SPOC: anonymised, filterable, oldest first. */
@Controller
class CdopQueuePage {

    private final CdopQueue queue;
    private final PanelMeetings meetings;

    CdopQueuePage(CdopQueue queue, PanelMeetings meetings) {
        this.queue = queue;
        this.meetings = meetings;
    }

    @GetMapping("/cdop/queue")
    String queue(@RequestParam(required = false) QueueState state, @RequestParam(required = false) String reportingYear,
            @RequestParam(required = false) UUID meetingId, @RequestParam(defaultValue = "age") String sort, Model model) {
        String order = sort.equals("reference") ? "reference" : "age";
        model.addAttribute("cases", queue.cases(new CdopQueue.Filter(state, reportingYear, order, meetingId)));
        model.addAttribute("meetings", meetings.withOpenCases());
        model.addAttribute("meetingId", meetingId);
        model.addAttribute("states", Arrays.asList(QueueState.values()));
        model.addAttribute("state", state);
        model.addAttribute("reportingYear", reportingYear);
        model.addAttribute("sort", order);
        return "panel/queue";
    }
}
