package uk.cdr.processaudit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.cdr.calendar.WorkingDays;
import uk.cdr.support.HttpSession;
import uk.cdr.support.ProcessTest;

/**
 * Issue 16, the hand-worked data set: ten cases of 2002-03 (a reporting year no other test
 * uses) with known timings, written straight into the case's records, audited on 31 March 2003 at
 * 15:00. Each expected figure is worked out by hand in the comments; the office is open 09:00-17:00
 * and Monday 26 August 2002 is a bank holiday.
 *
 * A 2002-03/901: in hours, all met. Died Mon 13 May, notified 10:00; alerted 10:04; classified
 *   expected 15:00; bereavement accepted with the leaflet; GP's Form B asked 14 May, back 30 May
 *   (16 days); reviewed 1 October (141 days).
 * B 2002-03/902: out of hours over the bank holiday weekend. Died Sat 24 Aug, notified 22:10; alerted
 *   22:40 (30 minutes: late); acknowledged Tue 27 Aug 08:55 (due 09:00 that day: met, 58.75 hours);
 *   classified unexpected Wed 28 Aug 11:00 (due Wed 09:00: late, 84.8 hours); rapid response started
 *   out of hours on Sun 25 Aug (information shared 1.8 hours after); meeting Wed 4 Sep 14:00 (due by
 *   Tue 3 Sep: late, 10.7 days); final case discussion not convened, logistical; bereavement: family
 *   not contactable; police Form B chased, back in 27 days; school's withdrawn; deferred by the panel
 *   awaiting criminal proceedings, so not reviewed by 24 February.
 * C 2002-03/903: out of hours on a weekday. Died Thu 19 Dec, notified 18:30; alerted 18:31;
 *   acknowledged Fri 20 Dec 11:30 (due 09:00: late, 17 hours); classified unexpected Fri 09:30 (due Fri
 *   18:30: met, 15 hours); information shared Mon 23 Dec 10:00 (due Fri 18:30: late, 87.5 hours); no
 *   meeting convened; final case discussion held 20 Feb 2003 10:00 (63.4 days); leaflet not given.
 * D 2002-03/904: died Sun 30 Mar 2003, notified Mon 31 Mar 14:00; no alert by 15:00 (due 14:15);
 *   not yet classified (due 1 April); bereavement task open.
 * E 2002-03/905: imported, closed: no times; reviewed 20 Nov (163 days); its imported Form B back in 35 days.
 * F 2002-03/906: imported, open, unexpected: rapid response meeting 7 days after the notification,
 *   final case discussion held (no day); not reviewed by 2 March 2003.
 * G 2002-03/907: a late Form A. Died Mon 4 Nov, notified Thu 7 Nov 11:00; alerted 11:02; classified
 *   unexpected 16:00; information shared Fri 8 Nov 10:00 (23 hours); meeting Thu 14 Nov 10:00 (due that
 *   day: met, 7 days); no final case discussion by 27 January 2003; bereavement declined, leaflet given.
 * H 2002-03/908: died Mon 1 Jul, notified 09:30; alerted 09:35; classified unexpected 12:00 but no rapid
 *   response recorded; bereavement given by another service, leaflet given; children's social care's Form B
 *   extended, back in 29 days; deferred awaiting the inquest, so not reviewed by 1 January 2003.
 * I 2002-03/909: died Tue 9 Apr, notified 13:00; alerted 13:01; classified unexpected 14:00; information
 *   shared Wed 10 Apr 12:00 (23 hours); final case discussion not convened, the family's wishes; reviewed
 *   13 November (218 days: late, the discussion held it back).
 * J 2002-03/910: died Wed 12 Jun, notified 10:00; alerted 10:03; classified expected Thu 13 Jun 09:00
 *   (23 hours); the hospital's Form B never came back, so not reviewed by 12 December.
 */
class ProcessAuditDatasetTest extends ProcessTest {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    WorkingDays workingDays;

    private static boolean written;

    @BeforeEach
    void theDataSet() {
        clockAt(LocalDateTime.of(2003, 3, 31, 15, 0));
        if (!written) {
            write();
            written = true;
        }
    }

    @Test
    void theBankHolidayTheFiguresAssumeIsOne() {
        assertThat(workingDays.isWorkingDay(LocalDate.of(2002, 8, 26))).isFalse();
    }

    @Test
    void eachStandardGivesTheHandWorkedFigures() throws Exception {
        HttpSession.Response response = browser().withBasicAuth("spoc", DEMO_PASSWORD).get("/api/process-audit?year=2002-03");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = json.readTree(response.body());
        assertThat(report.get("period").asText()).isEqualTo("2002-03");
        assertThat(report.get("asOf").asText()).isEqualTo("2003-03-31");

        // Scope, met, not met, not yet due, no data, median, worst.
        // Alerts: A 4, B 30 (late), C 1, D none (late), G 2, H 5, I 1, J 3 minutes; E and F imported.
        assertThat(figures(report, "designated-doctor-alerted"))
                .containsExactly("10", "6", "2", "0", "2", "3 minutes", "30 minutes");
        assertThat(reasons(report, "designated-doctor-alerted")).containsExactly("done-late 1", "not-done 1");
        assertThat(groups(report, "designated-doctor-alerted")).containsExactly(
                "In hours 6 5 1 3 minutes 5 minutes", "Out of hours 2 1 1 15.5 minutes 30 minutes");
        // B 58.75 hours (met, over the bank holiday), C 17 (late); E and F imported.
        assertThat(figures(report, "out-of-hours-acknowledged"))
                .containsExactly("4", "1", "1", "0", "2", "37.9 hours", "58.8 hours");
        // A 5, B 84.8 (late), C 15, G 5, H 2.5, I 1, J 23 hours; D not yet due.
        assertThat(figures(report, "classified")).containsExactly("10", "6", "1", "1", "2", "5 hours", "84.8 hours");
        assertThat(figures(report, "rapid-response-started")).containsExactly("6", "5", "1", "0", "0", "", "");
        assertThat(reasons(report, "rapid-response-started")).containsExactly("no-rapid-response 1");
        // B 1.8, C 87.5 (late), G 23, I 23 hours; F imported.
        assertThat(figures(report, "information-shared"))
                .containsExactly("5", "3", "1", "0", "1", "23 hours", "87.5 hours");
        assertThat(figures(report, "rapid-response-meeting"))
                .containsExactly("3", "2", "1", "0", "0", "7 days", "10.7 days");
        assertThat(figures(report, "final-case-discussion"))
                .containsExactly("5", "1", "3", "0", "1", "63.4 days", "63.4 days");
        assertThat(reasons(report, "final-case-discussion"))
                .containsExactly("family-wishes 1", "late-form-a 1", "logistical 1");
        // A 16 (met), B's police 27 (chased), E 35, H 29 (extended) days; B's school withdrawn; J's hospital never.
        assertThat(figures(report, "form-b-returned")).containsExactly("6", "1", "5", "0", "0", "28 days", "35 days");
        assertThat(reasons(report, "form-b-returned"))
                .containsExactly("chased 1", "done-late 1", "extended 1", "not-done 1", "withdrawn 1");
        assertThat(groups(report, "form-b-returned")).containsExactly("Children's social care 1 0 1 29 days 29 days",
                "GP and primary care 1 1 0 16 days 16 days", "Hospital 1 0 1 - -", "Other agencies 1 0 1 35 days 35 days",
                "Police 1 0 1 27 days 27 days", "School and education 1 0 1 - -");
        JsonNode actions = standard(report, "form-b-returned").get("formBActions");
        assertThat(List.of(actions.get("chased").asInt(), actions.get("extended").asInt(), actions.get("withdrawn").asInt()))
                .containsExactly(1, 1, 1);
        assertThat(figures(report, "bereavement-support")).containsExactly("10", "5", "2", "1", "2", "", "");
        assertThat(reasons(report, "bereavement-support")).containsExactly("family-not-contactable 1", "leaflet-not-given 1");
        // Reviewed: A 141, E 163, I 218 days (late); missed: B, F, H, J; C, D, G not yet due.
        assertThat(figures(report, "reviewed-within-target"))
                .containsExactly("10", "2", "5", "3", "0", "163 days", "218 days");
        assertThat(reasons(report, "reviewed-within-target")).containsExactly("awaiting-inquest 1",
                "criminal-proceedings 1", "final-case-discussion-late 1", "form-b-not-returned 1", "not-done 1");
        assertThat(figures(report, "reviewed-before-escalation"))
                .containsExactly("10", "3", "0", "7", "0", "163 days", "218 days");

        // Month by month, by the notification: I in April, A May, J June, H July, B August (late), G November,
        // C December, D March (late).
        assertThat(months(report, "designated-doctor-alerted")).containsExactly("2002-04 1 0", "2002-05 1 0",
                "2002-06 1 0", "2002-07 1 0", "2002-08 0 1", "2002-09 0 0", "2002-10 0 0", "2002-11 1 0", "2002-12 1 0",
                "2003-01 0 0", "2003-02 0 0", "2003-03 0 1");
        assertThat(standard(report, "final-case-discussion").get("target").asText())
                .isEqualTo("held within 12 weeks of the death");
        assertThat(standard(report, "form-b-returned").get("target").asText()).isEqualTo("returned within 21 days of the request");
    }

    @Test
    void theCsvOfAStandardHasTheSameFigures() {
        HttpSession.Response csv = browser().withBasicAuth("doctor", DEMO_PASSWORD)
                .get("/api/process-audit/designated-doctor-alerted.csv?year=2002-03");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).startsWith("Figure,Value\r\nStandard,Designated Doctor alerted after Form A\r\n")
                .contains("\r\nIn scope,10\r\nMet,6\r\nNot met,2\r\nNot yet due,0\r\nNo data,2\r\n"
                        + "Median time,3 minutes\r\nWorst time,30 minutes\r\n")
                .contains("\r\nNot met because: Done late: no reason recorded,1\r\nNot met because: Not done,1\r\n")
                .contains("\r\nOut of hours: in scope,2\r\nOut of hours: met,1\r\nOut of hours: not met,1\r\n")
                .contains("\r\nAugust 2002: met,0\r\nAugust 2002: not met,1\r\n");
        String formB = browser().withBasicAuth("spoc", DEMO_PASSWORD)
                .get("/api/process-audit/form-b-returned.csv?from=2002-04-01&to=2003-03-31").body();
        assertThat(formB).contains("\r\nIn scope,6\r\nMet,1\r\nNot met,5\r\n", "\r\nChased,1\r\nExtended,1\r\nWithdrawn,1\r\n",
                "Not met because: Withdrawn: never returned,1");
    }

    @Test
    void theCasesBehindAFigureAreAnonymisedForTheChair() throws Exception {
        JsonNode spoc = json.readTree(browser().withBasicAuth("spoc", DEMO_PASSWORD)
                .get("/api/process-audit/final-case-discussion/cases?year=2002-03&result=MISSED").body());
        assertThat(spoc.findValuesAsText("caseReference")).containsExactly("2002-03/909", "2002-03/902", "2002-03/907");
        assertThat(spoc.findValuesAsText("reasonInWords")).containsExactly("Not convened: the family's wishes",
                "Not convened: logistical reasons", "A late Form A (more than 24 hours after the death)");
        assertThat(spoc.get(1).get("start").asText()).startsWith("2002-08-2");
        assertThat(spoc.get(1).get("link").asText()).startsWith("/cases/");

        JsonNode chair = json.readTree(browser().withBasicAuth("chair", DEMO_PASSWORD)
                .get("/api/process-audit/final-case-discussion/cases?year=2002-03&result=MISSED").body());
        assertThat(chair.findValuesAsText("caseReference")).containsExactly("2002-03/909", "2002-03/902", "2002-03/907");
        assertThat(chair.get(1).get("start").isNull()).as("no day of death for the panel").isTrue();
        assertThat(chair.get(1).get("month").asText()).isEqualTo("2002-08");
        assertThat(chair.get(1).get("link").asText()).startsWith("/cdop/cases/");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'PROCESS_AUDIT_VIEWED' and actor = 'chair' "
                + "and case_reference = '2002-03/907'").query(Integer.class).single()).isPositive();

        String cases = browser().withBasicAuth("chair", DEMO_PASSWORD)
                .get("/api/process-audit/final-case-discussion/cases.csv?year=2002-03").body();
        assertThat(cases).startsWith("Case,Group,Month,Started,Due,Done,Time taken,Result,Why not met\r\n")
                .contains("2002-03/903,,2002-12,,,,63.4 days,Met,\r\n").doesNotContain("December 2002");
    }

    @Test
    void thePageShowsEachStandardAndLinksEveryFigureToItsCases() {
        HttpSession spoc = loggedIn("spoc");
        String page = spoc.get("/process-audit?year=2002-03").body();
        assertThat(page).contains("Process audit", "2002-03", "Designated Doctor alerted after Form A",
                "within 15 minutes of the notification", "Not convened: logistical reasons", "In and out of hours",
                "By type of agency", "1 chased, 1 extended and 1 withdrawn", "August 2002: 0% met",
                "/process-audit/final-case-discussion?from=2002-04-01&amp;to=2003-03-31&amp;result=MISSED");
        // The same period typed day first.
        assertThat(spoc.get("/process-audit?from-day=1&from-month=4&from-year=2002&to-day=31&to-month=3&to-year=2003")
                .body()).contains("1 April 2002 to 31 March 2003", "63.4 days");
        String cases = spoc.get("/process-audit/final-case-discussion?from=2002-04-01&to=2003-03-31&result=MISSED").body();
        assertThat(cases).contains("2002-03/902", "2002-03/907", "Not convened: logistical reasons", "24 August 2002 at 00:00")
                .doesNotContain("2002-03/903");
        String chair = loggedIn("chair").get("/process-audit/final-case-discussion?year=2002-03").body();
        assertThat(chair).contains("2002-03/903", "December 2002", "63.4 days").doesNotContain("19 December 2002");

        HttpSession.Response bad = spoc.get("/process-audit?year=2002-3");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Reporting year must be a reporting year");
        assertThat(spoc.get("/process-audit?from-day=31&from-month=2&from-year=2003").body()).contains("From must be a real date");
        assertThat(spoc.get("/process-audit/no-such-standard").status()).isEqualTo(404);
    }

    /** Issue 17: the data set's cases are all North Borough's (of the tests' two areas). */
    @Test
    void anAreasAuditCountsItsCasesOnly() throws Exception {
        HttpSession spoc = browser().withBasicAuth("spoc", DEMO_PASSWORD);
        JsonNode north = json.readTree(spoc.get("/api/process-audit?year=2002-03&area=north").body());
        JsonNode south = json.readTree(spoc.get("/api/process-audit?year=2002-03&area=South%20Borough").body());
        assertThat(north.get("period").asText()).isEqualTo("2002-03, North Borough");
        assertThat(figures(north, "designated-doctor-alerted")).containsExactly("10", "6", "2", "0", "2", "3 minutes",
                "30 minutes");
        assertThat(figures(north, "form-b-returned")).isEqualTo(figures(json.readTree(
                spoc.get("/api/process-audit?year=2002-03").body()), "form-b-returned"));
        for (JsonNode standard : south.get("standards")) {
            assertThat(standard.get("inScope").asLong()).as(standard.get("id").asText()).isZero();
        }
        assertThat(json.readTree(spoc.get("/api/process-audit/final-case-discussion/cases?year=2002-03&result=MISSED"
                + "&area=north").body()).findValuesAsText("caseReference")).containsExactly("2002-03/909", "2002-03/902",
                        "2002-03/907");
        assertThat(json.readTree(spoc.get("/api/process-audit/final-case-discussion/cases?year=2002-03&area=south")
                .body())).isEmpty();
        HttpSession.Response unknown = spoc.get("/api/process-audit?year=2002-03&area=westshire");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"area\"");
        String page = loggedIn("spoc").get("/process-audit?year=2002-03&area=south").body();
        assertThat(page).contains("2002-03, South Borough", "area=south");
    }

    @Test
    void aBadPeriodOrStandardIsNamed() {
        HttpSession spoc = browser().withBasicAuth("spoc", DEMO_PASSWORD);
        assertThat(spoc.get("/api/process-audit?year=2002-3").body()).contains("\"field\":\"year\"");
        assertThat(spoc.get("/api/process-audit?from=2003-01-01&to=2002-01-01").status()).isEqualTo(400);
        assertThat(spoc.get("/api/process-audit?from=2003-01-01&to=2002-01-01").body()).contains("\"field\":\"to\"");
        assertThat(spoc.get("/api/process-audit?from=2003-02-30&to=2003-03-01").body()).contains("\"field\":\"from\"");
        assertThat(spoc.get("/api/process-audit?from=2003-02-01").body()).contains("\"field\":\"to\"");
        assertThat(spoc.get("/api/process-audit/final-case-discussion/cases?year=2002-03&result=LATE").body())
                .contains("\"field\":\"result\"");
        assertThat(spoc.get("/api/process-audit/no-such-standard/cases?year=2002-03").status()).isEqualTo(404);
        assertThat(browser().withBasicAuth("panel", DEMO_PASSWORD).get("/api/process-audit?year=2002-03").status())
                .isEqualTo(403);
    }

    private static JsonNode standard(JsonNode report, String id) {
        for (JsonNode s : report.get("standards")) {
            if (s.get("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no standard " + id);
    }

    private static List<String> figures(JsonNode report, String id) {
        JsonNode s = standard(report, id);
        return List.of(s.get("inScope").asText(), s.get("met").asText(), s.get("missed").asText(),
                s.get("notYetDue").asText(), s.get("noData").asText(), text(s.get("median")), text(s.get("worst")));
    }

    private static List<String> reasons(JsonNode report, String id) {
        List<String> reasons = new ArrayList<>();
        standard(report, id).get("reasons").forEach(r -> reasons.add(r.get("code").asText() + " " + r.get("cases").asText()));
        return reasons;
    }

    private static List<String> groups(JsonNode report, String id) {
        List<String> groups = new ArrayList<>();
        standard(report, id).get("groups").forEach(g -> groups.add(g.get("name").asText() + " " + g.get("inScope").asText()
                + " " + g.get("met").asText() + " " + g.get("missed").asText() + " "
                + (g.get("median").isNull() ? "-" : g.get("median").asText()) + " "
                + (g.get("worst").isNull() ? "-" : g.get("worst").asText())));
        return groups;
    }

    private static List<String> months(JsonNode report, String id) {
        List<String> months = new ArrayList<>();
        standard(report, id).get("months").forEach(m -> months.add(m.get("month").asText() + " " + m.get("met").asText()
                + " " + m.get("missed").asText()));
        return months;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asText();
    }

    // The data set, written as the stages would have written it.

    private void write() {
        UUID a = caseFile(901, "2002-05-13", at(2002, 5, 13, 10, 0), false, null, "expected", at(2002, 5, 13, 15, 0));
        alerted(a, at(2002, 5, 13, 10, 4));
        bereavement(a, "accepted", "yes");
        formB(a, "GP", at(2002, 5, 14, 9, 0), at(2002, 5, 30, 9, 0), null, null);
        reviewed(a, "2002-10-01");

        UUID b = caseFile(902, "2002-08-24", at(2002, 8, 24, 22, 10), true, null, "unexpected", at(2002, 8, 28, 11, 0));
        alerted(b, at(2002, 8, 24, 22, 40));
        task(b, Milestones.ACKNOWLEDGE, at(2002, 8, 24, 22, 10), at(2002, 8, 27, 8, 55));
        rapidResponse(b, at(2002, 8, 25, 0, 0), true, at(2002, 8, 28, 12, 0), true);
        meeting(b, "RAPID_RESPONSE", at(2002, 9, 4, 14, 0));
        jdbc.sql("""
                insert into final_case_discussion (case_id, started_at, outcome, not_convened_reason, recorded_by, recorded_at)
                values (?, ?, 'NOT_CONVENED', 'logistical', 'doctor', ?)""")
                .params(b, at(2002, 9, 5, 9, 0), at(2002, 11, 1, 9, 0)).update();
        bereavement(b, "not-contactable", "no");
        UUID police = formB(b, "Metropolitan Police", at(2002, 8, 29, 10, 0), at(2002, 9, 25, 10, 0), null, null);
        jdbc.sql("update agency_report_request set chased_at = ? where id = ?").params(at(2002, 9, 20, 10, 0), police).update();
        formB(b, "Hillside Primary School", at(2002, 8, 29, 10, 0), null, at(2002, 10, 1, 10, 0), null);
        UUID meeting = UUID.randomUUID();
        jdbc.sql("""
                insert into panel_meeting (id, held_on, kind, place, created_by, created_at)
                values (?, ?, 'ROUTINE', 'Town Hall', 'spoc', ?)""").params(meeting, LocalDate.of(2003, 1, 15),
                at(2002, 12, 1, 9, 0)).update();
        deferred(b, "criminal-proceedings", meeting, at(2003, 1, 15, 15, 0));

        UUID c = caseFile(903, "2002-12-19", at(2002, 12, 19, 18, 30), true, null, "unexpected", at(2002, 12, 20, 9, 30));
        alerted(c, at(2002, 12, 19, 18, 31));
        task(c, Milestones.ACKNOWLEDGE, at(2002, 12, 19, 18, 30), at(2002, 12, 20, 11, 30));
        rapidResponse(c, at(2002, 12, 20, 9, 30), false, at(2002, 12, 23, 10, 0), false);
        UUID discussion = meeting(c, "FINAL_CASE_DISCUSSION", at(2003, 2, 20, 10, 0));
        jdbc.sql("""
                insert into final_case_discussion (case_id, started_at, outcome, meeting_id, recorded_by, recorded_at)
                values (?, ?, 'HELD', ?, 'doctor', ?)""")
                .params(c, at(2002, 12, 23, 10, 0), discussion, at(2003, 2, 20, 16, 0)).update();
        bereavement(c, "accepted", "no");

        UUID d = caseFile(904, "2003-03-30", at(2003, 3, 31, 14, 0), false, null, null, null);
        jdbc.sql("insert into case_task (task_id, case_id, step, name, created_at) values (?, ?, ?, 'Bereavement support', ?)")
                .params("audit-" + UUID.randomUUID(), d, Milestones.BEREAVEMENT, at(2003, 3, 31, 14, 0)).update();

        UUID e = caseFile(905, "2002-06-10", at(2002, 6, 11, 12, 0), null, at(2003, 1, 10, 9, 0), "expected",
                at(2002, 6, 11, 12, 0));
        formB(e, "Agency 1 (imported)", at(2002, 6, 20, 12, 0), at(2002, 7, 25, 12, 0), null, null);
        reviewed(e, "2002-11-20");

        UUID f = caseFile(906, "2002-09-02", at(2002, 9, 3, 12, 0), null, at(2003, 1, 10, 9, 0), "unexpected",
                at(2002, 9, 3, 12, 0));
        rapidResponse(f, at(2002, 9, 3, 12, 0), false, null, true);
        meeting(f, "RAPID_RESPONSE", at(2002, 9, 10, 12, 0));
        jdbc.sql("insert into final_case_discussion (case_id, started_at, outcome, recorded_by, recorded_at) "
                + "values (?, ?, 'HELD', 'spoc', ?)").params(f, at(2003, 1, 10, 9, 0), at(2003, 1, 10, 9, 0)).update();

        UUID g = caseFile(907, "2002-11-04", at(2002, 11, 7, 11, 0), false, null, "unexpected", at(2002, 11, 7, 16, 0));
        alerted(g, at(2002, 11, 7, 11, 2));
        rapidResponse(g, at(2002, 11, 7, 16, 0), false, at(2002, 11, 8, 10, 0), true);
        meeting(g, "RAPID_RESPONSE", at(2002, 11, 14, 10, 0));
        bereavement(g, "declined", "yes");

        UUID h = caseFile(908, "2002-07-01", at(2002, 7, 1, 9, 30), false, null, "unexpected", at(2002, 7, 1, 12, 0));
        alerted(h, at(2002, 7, 1, 9, 35));
        bereavement(h, "provided-elsewhere", "yes");
        formB(h, "Children's Social Care", at(2002, 7, 2, 9, 0), at(2002, 7, 31, 9, 0), null, at(2002, 7, 25, 9, 0));
        deferred(h, "awaiting-inquest", meeting, at(2003, 1, 15, 15, 0));

        UUID i = caseFile(909, "2002-04-09", at(2002, 4, 9, 13, 0), false, null, "unexpected", at(2002, 4, 9, 14, 0));
        alerted(i, at(2002, 4, 9, 13, 1));
        rapidResponse(i, at(2002, 4, 9, 14, 0), false, at(2002, 4, 10, 12, 0), false);
        jdbc.sql("""
                insert into final_case_discussion (case_id, started_at, outcome, not_convened_reason, recorded_by, recorded_at)
                values (?, ?, 'NOT_CONVENED', 'family-wishes', 'doctor', ?)""")
                .params(i, at(2002, 4, 10, 12, 0), at(2002, 6, 1, 9, 0)).update();
        bereavement(i, "accepted", "yes");
        reviewed(i, "2002-11-13");

        UUID j = caseFile(910, "2002-06-12", at(2002, 6, 12, 10, 0), false, null, "expected", at(2002, 6, 13, 9, 0));
        alerted(j, at(2002, 6, 12, 10, 3));
        bereavement(j, "accepted", "yes");
        formB(j, "St Elsewhere Hospital", at(2002, 6, 13, 10, 0), null, null, null);
    }

    private void deferred(UUID caseId, String reason, UUID meeting, OffsetDateTime decided) {
        jdbc.sql("""
                insert into cdop_review (id, case_id, meeting_id, outcome, deferral_reason, review_by, decided_by, decided_at)
                values (?, ?, ?, 'DEFERRED', ?, ?, 'panel', ?)""")
                .params(UUID.randomUUID(), caseId, meeting, reason, LocalDate.of(2003, 7, 1), decided).update();
    }

    private UUID caseFile(int sequence, String died, OffsetDateTime notified, Boolean outOfHours, OffsetDateTime imported,
            String classification, OffsetDateTime classifiedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into case_file (id, case_reference, reporting_year, sequence_in_year, date_of_death, notified_at,
                    status, created_at, updated_at, child_first_name, child_last_name, out_of_hours, notified_expected,
                    death_classification, classified_at, imported_at, area)
                values (?, ?, '2002-03', ?, ?, ?, 'CLASSIFIED', ?, ?, 'Audit', ?, ?, 'not-sure', ?, ?, ?, 'north')""")
                .params(id, "2002-03/" + sequence, sequence, LocalDate.parse(died), notified, notified, notified,
                        "Case" + sequence, outOfHours, classification, classifiedAt, imported)
                .update();
        return id;
    }

    private void alerted(UUID caseId, OffsetDateTime at) {
        jdbc.sql("insert into sent_email (case_id, kind, recipient, subject, sent_at) values (?, 'DESIGNATED_DOCTOR_ALERT', "
                + "'doctor@cdr.example.org', 'Child death notified', ?)").params(caseId, at).update();
    }

    private void task(UUID caseId, String step, OffsetDateTime created, OffsetDateTime completed) {
        jdbc.sql("""
                insert into case_task (task_id, case_id, step, name, created_at, ended_at, ended_by, end_reason)
                values (?, ?, ?, 'Acknowledge notification', ?, ?, 'spoc', 'completed')""")
                .params("audit-" + UUID.randomUUID(), caseId, step, created, completed).update();
    }

    private void rapidResponse(UUID caseId, OffsetDateTime started, boolean outOfHours, OffsetDateTime recorded,
            boolean meeting) {
        jdbc.sql("""
                insert into rapid_response (case_id, started_at, started_out_of_hours, meeting_convened, recorded_by, recorded_at)
                values (?, ?, ?, ?, 'doctor', ?)""").params(caseId, started, outOfHours, meeting, recorded).update();
    }

    private UUID meeting(UUID caseId, String kind, OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into case_meeting (id, case_id, kind, scheduled_at, place, invitees, scheduled_by, held)
                values (?, ?, ?, ?, 'Children''s Centre', 'police@cdr.example.org', 'doctor', true)""")
                .params(id, caseId, kind, at).update();
        return id;
    }

    private void bereavement(UUID caseId, String answer, String leaflet) {
        jdbc.sql("""
                insert into bereavement_support (case_id, answer, leaflet_given, recorded_by, recorded_at)
                values (?, ?, ?, 'nurse', ?)""").params(caseId, answer, leaflet, at(2003, 1, 1, 9, 0)).update();
    }

    private UUID formB(UUID caseId, String agency, OffsetDateTime requested, OffsetDateTime returned,
            OffsetDateTime withdrawn, OffsetDateTime extended) {
        UUID id = UUID.randomUUID();
        String status = returned != null ? "RETURNED" : withdrawn != null ? "WITHDRAWN" : "SENT";
        jdbc.sql("""
                insert into agency_report_request (id, case_id, agency, contact_email, status, requested_at, requested_by,
                    due_at, returned_at, withdrawn_at, extended_at)
                values (?, ?, ?, 'agency@example.org', ?, ?, 'spoc', ?, ?, ?, ?)""")
                .params(id, caseId, agency, status, requested, requested.plusDays(21), returned, withdrawn, extended)
                .update();
        return id;
    }

    private void reviewed(UUID caseId, String on) {
        jdbc.sql("update case_file set status = 'CLOSED', review_completed_on = ? where id = ?")
                .params(LocalDate.parse(on), caseId).update();
    }

    private static OffsetDateTime at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(UK).toOffsetDateTime();
    }
}
