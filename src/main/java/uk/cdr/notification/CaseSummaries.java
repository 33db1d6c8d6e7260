package uk.cdr.notification;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the notification emails may say about a case: no name, no address, no NHS number. */
@Component
class CaseSummaries {

    record CaseSummary(UUID caseId, String reference, int ageAtDeathDays, String placeOfDeath,
            String notifiedExpected, boolean outOfHours, String notifierOrganisation) {

        String age() {
            if (ageAtDeathDays < 28) {
                return ageAtDeathDays + (ageAtDeathDays == 1 ? " day" : " days");
            }
            if (ageAtDeathDays < 365) {
                int weeks = ageAtDeathDays / 7;
                return weeks + " weeks";
            }
            int years = (int) (ageAtDeathDays / 365.25);
            return years + (years == 1 ? " year" : " years");
        }
    }

    private final JdbcClient jdbc;

    CaseSummaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    CaseSummary of(UUID caseId) {
        return jdbc.sql("""
                select c.id, c.case_reference, c.age_at_death_days, c.place_of_death, c.notified_expected,
                       c.out_of_hours,
                       (select n.notifier_organisation from notification n where n.case_id = c.id
                        order by n.received_at limit 1) as notifier_organisation
                from case_file c where c.id = ?""")
                .param(caseId)
                .query((rs, row) -> new CaseSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getString(7)))
                .single();
    }
}
