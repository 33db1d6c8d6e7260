package uk.cdr.panel;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Panel members work from anonymised summaries, but free text is written by people who knew the
 * child: an agency's Form B or a draft learning point may name the child or give the address,
 * NHS number or date of birth. Before any such text reaches the panel, the case's identifiers, as
 * every notification of the case gave them, are blanked out (see {@link Redaction}).
 */
@Component
public class Anonymiser {

    private final JdbcClient jdbc;

    Anonymiser(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Redacts one case's identifiers; build once per case and apply to each text. */
    public Redaction forCase(UUID caseId) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> nhsNumbers = new LinkedHashSet<>();
        Set<String> addressLines = new LinkedHashSet<>();
        Set<String> postcodes = new LinkedHashSet<>();
        Set<LocalDate> datesOfBirth = new LinkedHashSet<>();
        // The case file too: a case imported or corrected there may say more than its notifications.
        jdbc.sql("""
                select child_first_name, child_last_name, child_other_names, nhs_number, address_line, postcode, date_of_birth
                from notification where case_id = ?
                union all
                select child_first_name, child_last_name, null, nhs_number, null, null, date_of_birth
                from case_file where id = ?""")
                .params(caseId, caseId)
                .query(rs -> {
                    addIfPresent(names, rs.getString(1));
                    addIfPresent(names, rs.getString(2));
                    addIfPresent(names, rs.getString(3));
                    addIfPresent(nhsNumbers, rs.getString(4));
                    addIfPresent(addressLines, rs.getString(5));
                    addIfPresent(postcodes, rs.getString(6));
                    LocalDate dateOfBirth = rs.getObject(7, LocalDate.class);
                    if (dateOfBirth != null) {
                        datesOfBirth.add(dateOfBirth);
                    }
                });
        return Redaction.of(new CaseIdentifiers(names, nhsNumbers, addressLines, postcodes, datesOfBirth));
    }

    private static void addIfPresent(Set<String> values, String value) {
        if (value != null && !value.isBlank()) {
            values.add(value.trim());
        }
    }
}
