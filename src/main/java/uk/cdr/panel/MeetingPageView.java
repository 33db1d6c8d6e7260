package uk.cdr.panel;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import uk.cdr.security.CurrentUser;
import uk.cdr.security.Role;
import uk.cdr.web.UkDates;

/**
 * Builds the meeting page: the meeting, every case put to it as the panel may see it, and the
 * forms the viewer's roles allow. A refused post shows one case again as the viewer left it.
 */
@Component
class MeetingPageView {

    static final String TEMPLATE = "panel/meeting";

    private final PanelMeetings meetings;
    private final PanelCases cases;
    private final CdopQueue queue;
    private final Clock clock;
    private final uk.cdr.security.People people;

    MeetingPageView(PanelMeetings meetings, PanelCases cases, CdopQueue queue, Clock clock,
            uk.cdr.security.People people) {
        this.people = people;
        this.meetings = meetings;
        this.cases = cases;
        this.queue = queue;
        this.clock = clock;
    }

    /** What a refused post changes on one case: the values sent back with their errors, or an alert. */
    record Refused(UUID caseId, FormCForm form, Map<String, String> formErrors, OutcomeForm outcome,
            Map<String, String> outcomeErrors, String alert) {

        static final Refused NOTHING = new Refused(null, null, Map.of(), null, Map.of(), null);

        static Refused formC(UUID caseId, FormCForm form, Map<String, String> errors) {
            return new Refused(caseId, form, errors, null, Map.of(), null);
        }

        static Refused outcome(UUID caseId, OutcomeForm outcome, Map<String, String> errors) {
            return new Refused(caseId, null, Map.of(), outcome, errors, null);
        }

        static Refused alert(UUID caseId, String alert) {
            return new Refused(caseId, null, Map.of(), null, Map.of(), alert);
        }
    }

    /** The assignment form as the SPOC or chair left it. */
    record Assignment(String caseId, Map<String, String> errors) {

        static final Assignment NONE = new Assignment(null, Map.of());
    }

    String render(PanelMeetings.Meeting meeting, Authentication user, Model model, Refused refused, Assignment assignment) {
        CurrentUser viewer = CurrentUser.from(user).orElseThrow();
        boolean setsMeetings = viewer.has(Role.SPOC) || viewer.has(Role.CDOP_CHAIR);
        boolean upcoming = !meeting.heldOn().isBefore(LocalDate.now(clock));
        model.addAttribute("meeting", meeting);
        model.addAttribute("meetingDay", UkDates.inWords(meeting.heldOn()));
        model.addAttribute("people", people);
        model.addAttribute("cases", casesOf(meeting, viewer.userId(), refused));
        model.addAttribute("panel", viewer.has(Role.CDOP_PANEL));
        model.addAttribute("chair", viewer.has(Role.CDOP_CHAIR));
        model.addAttribute("marksDone", viewer.has(Role.SPOC) || viewer.has(Role.CDOP_PANEL));
        model.addAttribute("assigns", setsMeetings && upcoming);
        model.addAttribute("assignable", setsMeetings && upcoming ? assignable(meeting) : List.of());
        model.addAttribute("assignment", assignment);
        model.addAttribute("domains", FormCForm.DOMAINS);
        model.addAttribute("scores", FormCForm.SCORES);
        model.addAttribute("modifiable", FormCForm.MODIFIABLE);
        model.addAttribute("categories", categories());
        model.addAttribute("deferralReasons", OutcomeForm.DEFERRAL_REASONS);
        return TEMPLATE;
    }

    private List<MeetingCase> casesOf(PanelMeetings.Meeting meeting, String viewer, Refused refused) {
        List<MeetingCase> result = new ArrayList<>();
        for (PanelMeetings.AgendaEntry entry : meetings.casesPutTo(meeting.id())) {
            PanelCases.PanelCase c = cases.find(entry.caseId(), viewer).orElseThrow();
            // Deferred, then assigned again to the same meeting: the review still open there is the one that counts.
            List<CdopReviews.Review> here = c.reviews().stream().filter(r -> r.meetingId().equals(meeting.id())).toList();
            CdopReviews.Review review = here.stream().filter(r -> r.outcome() == null).findFirst()
                    .orElse(here.get(here.size() - 1));
            boolean mine = entry.caseId().equals(refused.caseId());
            result.add(new MeetingCase(c.summary(), c.formBReturns(), c.formC(), c.recommendations(), review,
                    MeetingCase.standingOf(review, c.summary()),
                    mine && refused.form() != null ? refused.form() : FormCForm.of(c.formC()),
                    mine ? refused.formErrors() : Map.of(),
                    mine && refused.outcome() != null ? refused.outcome() : OutcomeForm.EMPTY,
                    mine ? refused.outcomeErrors() : Map.of(), mine ? refused.alert() : null,
                    c.reviews().stream().filter(r -> "NEONATAL_REVIEWED".equals(r.outcome())).toList()));
        }
        return result;
    }

    /**
     * Cases the SPOC or chair may put to this meeting; a special neonatal panel takes neonatal deaths
     * only, and not those it has reviewed already (a routine meeting completes those); a meeting for
     * one area, that area's cases only.
     */
    private List<QueuedCase> assignable(PanelMeetings.Meeting meeting) {
        boolean neonatalPanel = meeting.kind() == PanelMeetings.Kind.NEONATAL;
        String area = meeting.area() == null ? null : meeting.area().code();
        return queue.cases(new CdopQueue.Filter(null, null, "reference", null, area)).stream()
                .filter(c -> c.state().assignable())
                .filter(c -> !neonatalPanel || (c.neonatal() && c.state() != QueueState.REVIEWED_BY_NEONATAL_PANEL))
                .sorted(Comparator.comparing(QueuedCase::caseReference)).toList();
    }

    private static List<FormCForm.Option> categories() {
        List<FormCForm.Option> options = new ArrayList<>();
        for (int category = 1; category <= FormC.CATEGORIES.size(); category++) {
            options.add(new FormCForm.Option(String.valueOf(category), FormC.categoryName(category)));
        }
        return options;
    }
}
