package uk.cdr.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import uk.cdr.support.HttpSession;
import uk.cdr.support.IntegrationTest;

/** The administrator reads the audit log on its page: in words, newest first, filtered, 50 a page. */
class AuditLogPageTest extends IntegrationTest {

    @Autowired
    AuditLog auditLog;

    @Test
    void theAdministratorFindsACasesEntriesInWordsAPageAtATime() {
        String reference = "2014-15/9" + (System.nanoTime() % 100_000);
        for (int i = 1; i <= 51; i++) {
            auditLog.record("spoc", AuditAction.CASE_VIEWED, reference, "case page, look " + i);
        }
        auditLog.record("doctor", AuditAction.CASE_CHANGED, reference, "decision recorded");

        HttpSession admin = loggedIn("admin");
        String first = admin.get("/audit?caseReference=" + reference).body();
        assertThat(first).contains("52 entries, showing 1 to 50 (page 1 of 2)", "Case changed", "decision recorded",
                "Case viewed", "case page, look 51", "id=\"next-page\"").doesNotContain("look 1<", "CASE_VIEWED<");
        // Newest first: the doctor's change heads the list.
        assertThat(first.indexOf("decision recorded")).isLessThan(first.indexOf("look 51"));
        String second = admin.get("/audit?caseReference=" + reference + "&page=2").body();
        assertThat(second).contains("52 entries, showing 51 to 52 (page 2 of 2)", "case page, look 2<", "case page, look 1<",
                "id=\"previous-page\"");
        assertThat(admin.get("/audit?caseReference=" + reference + "&actor=doctor").body())
                .contains("1 entry, showing 1 to 1").doesNotContain("look 51");
        assertThat(admin.get("/audit?caseReference=" + reference + "&action=CASE_CHANGED&page=x").body())
                .contains("1 entry, showing 1 to 1 (page 1 of 1)");
        assertThat(admin.get("/").body()).contains("href=\"/audit\"");
    }

    @Test
    void onlyTheAdministratorOpensIt() {
        for (String user : new String[] {"spoc", "doctor", "nurse", "panel", "chair"}) {
            assertThat(loggedIn(user).get("/audit").status()).as(user).isEqualTo(403);
        }
        assertThat(browser().get("/audit").status()).isEqualTo(302);
    }
}
