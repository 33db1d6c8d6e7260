package uk.cdr.caselist;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import uk.cdr.notification.FormA;
import uk.cdr.notification.TestForms;
import uk.cdr.support.HttpSession;

/**
 * Children for case list tests. Tests share one database, so every family name is new: a search
 * by it finds only this test's cases.
 */
final class CaseListFixtures {

    private CaseListFixtures() {
    }

    static String newFamilyName() {
        return "Findable" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** A valid Form A for this child, notified as an unexpected death at an emergency department. */
    static FormA child(String firstName, String lastName, LocalDate born, LocalDate died) {
        FormA f = TestForms.aNotification();
        return new FormA(f.notifierName(), f.notifierRole(), f.notifierOrganisation(), f.notifierEmail(),
                f.notifierPhone(), firstName, lastName, f.childOtherNames(), born, f.sex(), f.nhsNumber(),
                f.nhsNumberAbsentReason(), f.ethnicity(), f.addressLine(), f.postcode(), f.area(), died, f.timeOfDeath(), f.signsOfLife(),
                f.placeOfDeath(), f.notifiedExpected(), f.circumstances(), f.postMortemRequired(), f.coronerInformed(),
                f.agencies());
    }

    /**
     * Closed historical cases of one family name, through the SPOC's import: deaths in 2005-06, a
     * year no other test uses, so that no statistics test counts them.
     */
    static void importClosedCases(HttpSession spocApi, String lastName, int count) {
        StringBuilder csv = new StringBuilder("child_first_name,child_last_name,date_of_birth,sex,ethnicity,nhs_number,"
                + "date_of_death,place_of_death,death_classification,rapid_response,status,review_completed_on,"
                + "meeting_type,category,modifiable,scr_considered,area\n");
        for (int i = 0; i < count; i++) {
            csv.append("Child").append(i).append(',').append(lastName).append(",2001-01-01,female,white-british,")
                    .append(TestForms.uniqueNhsNumber()).append(',').append(LocalDate.of(2005, 5, 1).plusDays(i))
                    .append(",home,expected,no,closed,2006-03-01,routine,6,no,no,north\n");
        }
        HttpSession.Response imported = spocApi.post("/api/import/cases", "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8), Map.of());
        if (imported.status() != 200 && imported.status() != 201) {
            throw new AssertionError("import failed: " + imported);
        }
    }
}
