package uk.cdr.casefile;

import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

import uk.cdr.agencyreport.AgencyReports;
import uk.cdr.agencyreport.FormBStatus;
import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.bereavement.BereavementSupports;
import uk.cdr.caseprocess.CaseProcess;
import uk.cdr.panel.CdopReviews;
import uk.cdr.rapidresponse.InvalidAnswers;
import uk.cdr.security.CurrentUser;
import uk.cdr.security.People;
import uk.cdr.security.Role;

/** The case page for the SPOC and the Designated Doctor. Every view is audited. */
@Controller
class CasePage {

    private final CaseFiles caseFiles;
    private final CaseMeetings caseMeetings;
    private final CaseActions caseActions;
    private final AgencyReports agencyReports;
    private final AuditLog auditLog;
    private final CdopReviews cdopReviews;
    private final WaitingEmails waitingEmails;
    private final CaseProcess caseProcess;
    private final uk.cdr.panel.CdopQueue cdopQueue;
    private final People people;
    private final BereavementSupports bereavementSupports;

    CasePage(CaseFiles caseFiles, CaseMeetings caseMeetings, CaseActions caseActions, AgencyReports agencyReports,
            AuditLog auditLog, CdopReviews cdopReviews, WaitingEmails waitingEmails, CaseProcess caseProcess,
            uk.cdr.panel.CdopQueue cdopQueue, People people, BereavementSupports bereavementSupports) {
        this.bereavementSupports = bereavementSupports;
        this.people = people;
        this.cdopQueue = cdopQueue;
        this.caseProcess = caseProcess;
        this.cdopReviews = cdopReviews;
        this.waitingEmails = waitingEmails;
        this.caseFiles = caseFiles;
        this.caseMeetings = caseMeetings;
        this.caseActions = caseActions;
        this.agencyReports = agencyReports;
        this.auditLog = auditLog;
    }

    @GetMapping("/cases/{caseId}")
    String show(@PathVariable UUID caseId, Authentication user, Model model) {
        CaseView c = find(caseId);
        auditLog.record(user.getName(), AuditAction.CASE_VIEWED, c.reference(), "case page");
        List<FormBStatus> formB = agencyReports.forCase(caseId);
        model.addAttribute("c", c);
        model.addAttribute("people", people);
        model.addAttribute("formB", formB);
        model.addAttribute("spoc", CurrentUser.from(user).map(u -> u.has(Role.SPOC)).orElse(false));
        // The nurse reads the case; the SPOC and the doctor mark the rapid response's actions done.
        model.addAttribute("marksActions", CurrentUser.from(user)
                .map(u -> u.has(Role.SPOC) || u.has(Role.DESIGNATED_DOCTOR)).orElse(false));
        model.addAttribute("postMortemOn", uk.cdr.web.DateInput.of("on", null));
        model.addAttribute("rapidResponse", caseMeetings.rapidResponse(caseId).orElse(null));
        model.addAttribute("meetings", caseMeetings.meetings(caseId));
        model.addAttribute("fcd", caseMeetings.finalCaseDiscussion(caseId).orElse(null));
        model.addAttribute("actions", caseActions.forCase(caseId));
        model.addAttribute("today", caseActions.today());
        model.addAttribute("cdop", cdopReviews.outline(caseId));
        model.addAttribute("bereavement", bereavementSupports.of(caseId).map(BereavementSupports.BereavementSupport::inWords)
                .orElse("Not yet recorded by the child death review nurse"));
        // A closed case offers no actions (its endpoints refuse them too), only reopening.
        model.addAttribute("closed", "CLOSED".equals(c.status()));
        // A closed case's process may still be sending its last emails (the SPOC told of the closure).
        Optional<ProcessInstance> running = caseProcess.running(c.reference());
        model.addAttribute("stopped", !"CLOSED".equals(c.status()) && running.isEmpty());
        // What the CDOP queue says of it, from the same record of its process's stages.
        model.addAttribute("now", cdopQueue.queued(caseId).map(uk.cdr.panel.QueuedCase::waitingFor).orElse(null));
        model.addAttribute("timeline", caseFiles.timeline(c));
        model.addAttribute("waitingEmails", waitingEmails.of(running, formB.stream()
                .filter(r -> "WITHDRAWN".equals(r.status())).map(r -> r.requestId().toString()).collect(Collectors.toSet())));
        return "casefile/case";
    }

    /** A second click changes nothing: the page already shows the action done. */
    @PostMapping("/cases/{caseId}/actions/{actionId}/done")
    String markDone(@PathVariable UUID caseId, @PathVariable UUID actionId, Authentication user) {
        caseActions.markDone(find(caseId), actionId, user.getName());
        return "redirect:/cases/" + caseId;
    }

    /** New information about a closed case: the SPOC reopens it, with the reason, for the CDOP to review again. */
    @PostMapping("/cases/{caseId}/reopening")
    String reopen(@PathVariable UUID caseId, @RequestParam(required = false) String reason, Authentication user,
            RedirectAttributes redirect) {
        find(caseId);
        try {
            cdopReviews.reopen(caseId, reason, user.getName());
            redirect.addFlashAttribute("reopened", true);
        } catch (InvalidAnswers e) {
            redirect.addFlashAttribute("reopenError", "Give the reason: the new information, at most 1000 characters.");
        } catch (CdopReviews.Conflict e) {
            redirect.addFlashAttribute("reopenError", e.getMessage());
        }
        return "redirect:/cases/" + caseId + "#cdop-review";
    }

    /** No step runs for an open case (its process was cancelled in Cockpit): the SPOC starts it again. */
    @PostMapping("/cases/{caseId}/process")
    String restart(@PathVariable UUID caseId, Authentication user, RedirectAttributes redirect) {
        find(caseId);
        try {
            caseProcess.restart(caseId, user.getName());
            redirect.addFlashAttribute("restarted", true);
        } catch (CaseProcess.NotStopped e) {
            redirect.addFlashAttribute("restartError", e.getMessage());
        }
        return "redirect:/cases/" + caseId;
    }

    /** The form was on a page opened before the case closed: a 409 page that says why, not a silent redirect. */
    @ExceptionHandler(uk.cdr.web.CaseClosed.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String caseClosed(uk.cdr.web.CaseClosed e, Model model) {
        model.addAttribute("status", 409);
        model.addAttribute("message", e.getMessage());
        return "error";
    }

    @ExceptionHandler(UnknownAction.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String unknownAction(Model model) {
        model.addAttribute("status", 404);
        return "error";
    }

    private CaseView find(UUID caseId) {
        return caseFiles.find(caseId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
