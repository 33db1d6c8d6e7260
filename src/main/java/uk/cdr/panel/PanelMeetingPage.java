package uk.cdr.panel;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import uk.cdr.area.Area;
import uk.cdr.area.Areas;
import uk.cdr.rapidresponse.InvalidAnswers;
import uk.cdr.security.CurrentUser;
import uk.cdr.security.Role;
import uk.cdr.web.DateInput;

/**
 * The CDOP's meeting pages: the list of meetings, where the SPOC or chair sets one, and each
 * meeting's page, where the panel reviews its cases (Form C, outcome), the chair ratifies and
 * recommendations are followed up. Saved changes redirect back to the case; refused ones show the
 * page again with the errors beside that case and what the user typed.
 */
@Controller
class PanelMeetingPage {

    private final PanelMeetings meetings;
    private final CdopReviews reviews;
    private final CdopReviewTasks tasks;
    private final MeetingPageView view;
    private final Areas areas;

    PanelMeetingPage(PanelMeetings meetings, CdopReviews reviews, CdopReviewTasks tasks, MeetingPageView view,
            Areas areas) {
        this.areas = areas;
        this.meetings = meetings;
        this.reviews = reviews;
        this.tasks = tasks;
        this.view = view;
    }

    record NewMeeting(DateInput heldOn, String kind, String place, String area) {
    }

    /** The meetings already set for the day asked for, which the person confirms or changes the date. */
    record SameDayWarning(String day, List<PanelMeetings.Meeting> others) {
    }

    @GetMapping("/cdop/meetings")
    String meetings(@RequestParam(required = false) String area, Authentication user, Model model,
            HttpServletResponse response) {
        NewMeeting blank = new NewMeeting(DateInput.of("heldOn", null), PanelMeetings.Kind.ROUTINE.name(), null, null);
        Areas.Filter filter = areas.filter(area);
        model.addAttribute("shownArea", filter.area());
        if (filter.rule() != null) {
            // Every meeting, with the area filter saying why it was not narrowed.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("areaError", "Area " + filter.rule());
        }
        return list(user, model, blank, Map.of());
    }

    @PostMapping("/cdop/meetings")
    String create(@RequestParam Map<String, String> posted, Authentication user, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        NewMeeting given = new NewMeeting(DateInput.read(posted, "heldOn"), posted.get("kind"), posted.get("place"),
                posted.get("area"));
        model.addAttribute("shownArea", null);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate heldOn = given.heldOn().date();
        if (given.heldOn().problem() != null) {
            errors.put("heldOn", given.heldOn().problem());
        }
        try {
            if (errors.isEmpty()) {
                PanelMeetings.Meeting meeting = meetings.create(heldOn, given.kind(), given.place(), given.area(), user.getName(),
                        "yes".equals(posted.get(PanelMeetings.AnotherMeetingThatDay.CONFIRMATION)));
                redirect.addFlashAttribute("message", meeting.kind().words() + " set for "
                        + MeetingCase.day(meeting.heldOn()) + " at " + meeting.place() + ".");
                return "redirect:/cdop/meetings/" + meeting.id();
            }
            // The date is unreadable: create refuses it and saves nothing, but names the other fields' errors too.
            meetings.create(null, given.kind(), given.place(), given.area(), user.getName(), false);
        } catch (InvalidAnswers e) {
            e.errors().forEach(error -> errors.putIfAbsent(error.field(), error.rule()));
        } catch (PanelMeetings.AnotherMeetingThatDay e) {
            // Nothing saved: the form comes back with a warning and a button to set it anyway.
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("sameDay", new SameDayWarning(MeetingCase.day(heldOn), e.others()));
            return list(user, model, given, Map.of());
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return list(user, model, given, errors);
    }

    @GetMapping("/cdop/meetings/{meetingId}")
    String meeting(@PathVariable UUID meetingId, Authentication user, Model model) {
        return view.render(find(meetingId), user, model, MeetingPageView.Refused.NOTHING, MeetingPageView.Assignment.NONE);
    }

    @PostMapping("/cdop/meetings/{meetingId}/cases")
    String assign(@PathVariable UUID meetingId, @RequestParam(required = false) String caseId, Authentication user,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        PanelMeetings.Meeting meeting = find(meetingId);
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            UUID chosen = UUID.fromString(caseId == null ? "" : caseId.trim());
            meetings.assign(meetingId, chosen, user.getName());
            String reference = entryOf(meeting, chosen).caseReference();
            return backToCase(meeting, reference, "Case " + reference + " is on this meeting's agenda.", redirect);
        } catch (IllegalArgumentException | CdopQueue.UnknownCase e) {
            errors.put("caseId", "is required: choose a case that is ready for review or deferred");
        } catch (InvalidAnswers e) {
            e.errors().forEach(error -> errors.merge(error.field(), error.rule(), (a, b) -> a + "; " + b));
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return view.render(meeting, user, model, MeetingPageView.Refused.NOTHING,
                new MeetingPageView.Assignment(caseId, errors));
    }

    @PostMapping("/cdop/meetings/{meetingId}/cases/{caseId}/form-c")
    String saveFormC(@PathVariable UUID meetingId, @PathVariable UUID caseId, @RequestParam Map<String, String> posted,
            Authentication user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        PanelMeetings.Meeting meeting = find(meetingId);
        PanelMeetings.AgendaEntry entry = entryOf(meeting, caseId);
        FormCForm form = FormCForm.from(posted);
        FormCForm.Parsed parsed = form.parse();
        Map<String, String> errors = new LinkedHashMap<>(parsed.errors());
        try {
            openHere(meeting, entry);
            if (errors.isEmpty()) {
                int version = reviews.saveFormC(caseId, parsed.version(), parsed.formC(), user.getName());
                return backToCase(meeting, entry.caseReference(), "Form C saved (version " + version + ").", redirect);
            }
        } catch (InvalidAnswers e) {
            e.errors().forEach(error -> errors.putIfAbsent(error.field(), error.rule()));
        } catch (BadUserRequestException e) {
            return refused(meeting, caseId, e, user, model, response);
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return view.render(meeting, user, model, MeetingPageView.Refused.formC(caseId, form, errors),
                MeetingPageView.Assignment.NONE);
    }

    @PostMapping("/cdop/meetings/{meetingId}/cases/{caseId}/outcome")
    String outcome(@PathVariable UUID meetingId, @PathVariable UUID caseId, @RequestParam Map<String, String> posted,
            Authentication user, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        PanelMeetings.Meeting meeting = find(meetingId);
        PanelMeetings.AgendaEntry entry = entryOf(meeting, caseId);
        OutcomeForm given = OutcomeForm.from(posted);
        String typedReviewBy = given.reviewByTyped().problem();
        if (typedReviewBy != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return view.render(meeting, user, model,
                    MeetingPageView.Refused.outcome(caseId, given, Map.of("reviewBy", typedReviewBy)),
                    MeetingPageView.Assignment.NONE);
        }
        try {
            openHere(meeting, entry);
            tasks.decide(caseId, given.outcome(), given.deferralReason(), given.deferralDetail(), given.reviewBy(),
                    given.specialistsAttending());
            return backToCase(meeting, entry.caseReference(), switch (String.valueOf(given.outcome())) {
                case CdopReviews.DEFERRED -> "Case " + entry.caseReference() + " deferred: it goes back to the CDOP queue.";
                case CdopReviews.NEONATAL_REVIEWED -> "Case " + entry.caseReference() + ": the neonatal panel's findings "
                        + "are recorded, and the case goes to a routine CDOP meeting, which completes the review.";
                default -> "Case " + entry.caseReference() + " recorded as reviewed: the chair ratifies it to close it.";
            }, redirect);
        } catch (InvalidAnswers e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(error -> errors.merge(error.field(), error.rule(), (a, b) -> a + "; " + b));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return view.render(meeting, user, model, MeetingPageView.Refused.outcome(caseId, given, errors),
                    MeetingPageView.Assignment.NONE);
        } catch (BadUserRequestException e) {
            return refused(meeting, caseId, e, user, model, response);
        }
    }

    @PostMapping("/cdop/meetings/{meetingId}/cases/{caseId}/ratification")
    String ratify(@PathVariable UUID meetingId, @PathVariable UUID caseId, Authentication user, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        PanelMeetings.Meeting meeting = find(meetingId);
        PanelMeetings.AgendaEntry entry = entryOf(meeting, caseId);
        try {
            reviews.current(caseId).filter(r -> r.meetingId().equals(meetingId) && "REVIEWED".equals(r.outcome()))
                    .orElseThrow(() -> new CdopReviews.Conflict("Case " + entry.caseReference()
                            + " is not awaiting ratification of a review at this meeting. Reload the page."));
            tasks.ratify(caseId);
            return backToCase(meeting, entry.caseReference(), "Case " + entry.caseReference()
                    + " ratified and closed: review completed on " + MeetingCase.day(meeting.heldOn()) + ".", redirect);
        } catch (BadUserRequestException e) {
            return refused(meeting, caseId, e, user, model, response);
        }
    }

    @PostMapping("/cdop/meetings/{meetingId}/recommendations/{recommendationId}/done")
    String recommendationDone(@PathVariable UUID meetingId, @PathVariable UUID recommendationId, Authentication user,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        PanelMeetings.Meeting meeting = find(meetingId);
        // Only a recommendation of a case put to this meeting, so the page can take the user back to it.
        PanelMeetings.AgendaEntry entry = meetings.casesPutTo(meetingId).stream()
                .filter(e -> reviews.recommendations(e.caseId()).stream().anyMatch(r -> r.id().equals(recommendationId)))
                .findFirst().orElseThrow(() -> new CdopQueue.UnknownCase(recommendationId));
        try {
            reviews.recommendationDone(recommendationId, user.getName());
            return backToCase(meeting, entry.caseReference(), "Recommendation marked done.", redirect);
        } catch (BadUserRequestException e) {
            return refused(meeting, entry.caseId(), e, user, model, response);
        }
    }

    @ExceptionHandler(CdopQueue.UnknownCase.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }

    private String list(Authentication user, Model model, NewMeeting form, Map<String, String> errors) {
        CurrentUser viewer = CurrentUser.from(user).orElseThrow();
        Area shown = (Area) model.getAttribute("shownArea");
        model.addAttribute("upcoming", meetings.upcomingWithCaseCounts(shown));
        model.addAttribute("recent", meetings.recent(shown));
        model.addAttribute("areas", areas.all());
        model.addAttribute("setsMeetings", viewer.has(Role.SPOC) || viewer.has(Role.CDOP_CHAIR));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "panel/meetings";
    }

    /** Someone else got there first, or the step is no longer open: the message says what to do. */
    private String refused(PanelMeetings.Meeting meeting, UUID caseId, BadUserRequestException e, Authentication user,
            Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.CONFLICT.value());
        return view.render(meeting, user, model, MeetingPageView.Refused.alert(caseId, e.getMessage()),
                MeetingPageView.Assignment.NONE);
    }

    private void openHere(PanelMeetings.Meeting meeting, PanelMeetings.AgendaEntry entry) {
        reviews.current(entry.caseId()).filter(r -> r.outcome() == null && r.meetingId().equals(meeting.id()))
                .orElseThrow(() -> new CdopReviews.Conflict("Case " + entry.caseReference()
                        + " is no longer awaiting its review at this meeting. Reload the page to see where it stands."));
    }

    private static String backToCase(PanelMeetings.Meeting meeting, String reference, String message,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("message", message);
        redirect.addFlashAttribute("messageFor", MeetingCase.anchorOf(reference));
        return "redirect:/cdop/meetings/" + meeting.id() + "#" + MeetingCase.anchorOf(reference);
    }

    private PanelMeetings.Meeting find(UUID meetingId) {
        return meetings.meeting(meetingId).orElseThrow(() -> new CdopQueue.UnknownCase(meetingId));
    }

    private PanelMeetings.AgendaEntry entryOf(PanelMeetings.Meeting meeting, UUID caseId) {
        return meetings.casesPutTo(meeting.id()).stream().filter(e -> e.caseId().equals(caseId)).findFirst()
                .orElseThrow(() -> new CdopQueue.UnknownCase(caseId));
    }
}
