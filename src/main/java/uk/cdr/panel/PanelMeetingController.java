package uk.cdr.panel;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import uk.cdr.area.Area;
import uk.cdr.area.Areas;
import uk.cdr.rapidresponse.InvalidAnswers;
import uk.cdr.web.ApiExceptionHandler;

/** CDOP panel meetings over the API: the SPOC sets them and assigns ready cases; the panel reads agendas. */
@RestController
@RequestMapping("/api/cdop/meetings")
class PanelMeetingController {

    private final PanelMeetings meetings;
    private final Areas areas;

    PanelMeetingController(PanelMeetings meetings, Areas areas) {
        this.meetings = meetings;
        this.areas = areas;
    }

    /**
     * @param area             the area whose cases alone the meeting reviews (code or name); none: the whole CDOP
     * @param sameDayConfirmed true to set a meeting on a day that already has one (otherwise 409)
     */
    record NewMeeting(LocalDate heldOn, String kind, String place, String area, Boolean sameDayConfirmed) {
    }

    record Assignment(UUID caseId) {
    }

    @PostMapping
    @Operation(summary = "Set a CDOP panel meeting: ROUTINE or NEONATAL (special neonatal panel), for the whole CDOP "
            + "or one area's cases")
    ResponseEntity<PanelMeetings.Meeting> create(@RequestBody NewMeeting body, Authentication user) {
        PanelMeetings.Meeting meeting = meetings.create(body.heldOn(), body.kind(), body.place(), body.area(),
                user.getName(), Boolean.TRUE.equals(body.sameDayConfirmed()));
        return ResponseEntity.created(URI.create("/api/cdop/meetings/" + meeting.id())).body(meeting);
    }

    @GetMapping
    @Operation(summary = "Upcoming CDOP panel meetings; of one area: those that take its cases (its own and the whole CDOP's)")
    List<PanelMeetings.Meeting> upcoming(@Parameter(description = "An area's code (or name); none, every meeting")
            @RequestParam(required = false) String area) {
        Optional<Area> of = areas.narrowTo(area, "area");
        return meetings.upcoming().stream()
                .filter(m -> of.isEmpty() || m.area() == null || m.area().code().equals(of.get().code())).toList();
    }

    @PostMapping("/{meetingId}/cases")
    @Operation(summary = "Assign a case that is ready for review to a meeting")
    ResponseEntity<Void> assign(@PathVariable UUID meetingId, @RequestBody Assignment body, Authentication user) {
        meetings.assign(meetingId, body == null ? null : body.caseId(), user.getName());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{meetingId}/agenda")
    @Operation(summary = "A meeting's cases, anonymised")
    List<QueuedCase> agenda(@PathVariable UUID meetingId) {
        return meetings.agenda(meetingId);
    }

    @ExceptionHandler(InvalidAnswers.class)
    ResponseEntity<Object> invalid(InvalidAnswers e) {
        return ApiExceptionHandler.invalid(e.errors().stream()
                .map(error -> new ApiExceptionHandler.FieldError(error.field(), error.rule())).toList());
    }

    /** 409 naming the confirmation that sets it anyway, and the meetings already that day. */
    @ExceptionHandler(PanelMeetings.AnotherMeetingThatDay.class)
    ProblemDetail anotherThatDay(PanelMeetings.AnotherMeetingThatDay e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Another meeting that day");
        problem.setProperty("errors", List.of(java.util.Map.of("field", PanelMeetings.AnotherMeetingThatDay.CONFIRMATION,
                "rule", "must be true to set a second meeting on a day that already has one")));
        problem.setProperty("sameDay", e.others());
        return problem;
    }

    @ExceptionHandler(CdopQueue.UnknownCase.class)
    ProblemDetail unknown(CdopQueue.UnknownCase e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such case or meeting.");
    }
}
