package uk.cdr.work;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import uk.cdr.audit.AuditAction;
import uk.cdr.audit.AuditLog;
import uk.cdr.security.CurrentUser;

/** My work: the user's tasks, soonest due first, each opening where its work is done. */
@Controller
class MyWorkPage {

    private final MyWork myWork;
    private final AuditLog auditLog;

    MyWorkPage(MyWork myWork, AuditLog auditLog) {
        this.myWork = myWork;
        this.auditLog = auditLog;
    }

    @GetMapping("/my-work")
    String myWork(Authentication authentication, Model model) {
        CurrentUser user = CurrentUser.from(authentication).orElseThrow();
        List<WorkItem> items = myWork.of(user);
        auditLog.recordEach(user.userId(), AuditAction.CASE_VIEWED,
                items.stream().map(WorkItem::caseReference).filter(r -> r != null).distinct().toList(), "my work");
        model.addAttribute("items", items);
        model.addAttribute("overdue", items.stream().filter(WorkItem::overdue).count());
        return "work/my-work";
    }
}
