package uk.cdr.notification;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.cdr.child.Age;

/** What the notification emails may say about a case: no name, no address, no NHS number. */
@Component
class CaseSummaries {

    record CaseSummary(UUID caseId, String reference, LocalDate dateOfBirth, LocalDate dateOfDeath,
            String placeOfDeath, String notifiedExpected, boolean outOfHours, String notifierOrganisation) {

        /** "11 years 5 months": an age the doctor reads at a glance (uk.cdr.child.Age has the rule). */
        String age() {
            return Age.inWords(dateOfBirth, dateOfDeath);
        }
    }

    private final JdbcClient jdbc;

    CaseSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    CaseSummary of(UUID caseId) {
        return jdbc.sql("""
                select c.id, c.case_reference, c.date_of_birth, c.date_of_death, c.place_of_death, c.notified_expected,
                       c.out_of_hours,
                       (select n.notifier_organisation from notification n where n.case_id = c.id
                        order by n.received_at limit 1) as notifier_organisation
                from case_file c where c.id = ?""")
                .param(caseId)
                .query((rs, row) -> new CaseSummary(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getString(5),
                        rs.getString(6), rs.getBoolean(7), rs.getString(8)))
                .single();
    }
}
