package uk.cdr.notification;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import uk.cdr.child.NhsNumber;

/**
 * The same death is often notified by several people (hospital, police, GP). A notification
 * matching an open case on NHS number, or on name, date of birth and date of death, is a
 * possible duplicate for the SPOC to resolve.
 */
@Component
public class PossibleDuplicates {

    public static final String ON_NHS_NUMBER = "NHS number";
    public static final String ON_NAME_AND_DATES = "name, date of birth and date of death";

    public record PossibleDuplicate(UUID caseId, String caseReference, String matchedOn) {
    }

    private final JdbcClient jdbc;

    public PossibleDuplicates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<PossibleDuplicate> of(FormA form) {
        return find(NhsNumber.normalise(form.nhsNumber()), form.childFirstName(), form.childLastName(),
                form.dateOfBirth(), form.dateOfDeath());
    }

    public List<PossibleDuplicate> find(String nhsNumber, String firstName, String lastName, LocalDate dateOfBirth,
            LocalDate dateOfDeath) {
        boolean byNhs = nhsNumber != null && !nhsNumber.isBlank();
        boolean byName = firstName != null && !firstName.isBlank() && lastName != null && !lastName.isBlank()
                && dateOfBirth != null && dateOfDeath != null;
        if (!byNhs && !byName) {
            return List.of();
        }
        return jdbc.sql("""
                select id, case_reference, case when nhs_number = :nhs then :onNhs else :onName end as matched_on
                from case_file
                where status <> 'CLOSED'
                  and ((:byNhs and nhs_number = :nhs)
                    or (:byName and lower(child_first_name) = :first and lower(child_last_name) = :last
                        and date_of_birth = :dob and date_of_death = :dod))
                order by created_at""")
                .param("nhs", byNhs ? nhsNumber : "")
                .param("onNhs", ON_NHS_NUMBER)
                .param("onName", ON_NAME_AND_DATES)
                .param("byNhs", byNhs)
                .param("byName", byName)
                .param("first", byName ? firstName.trim().toLowerCase(Locale.ROOT) : "")
                .param("last", byName ? lastName.trim().toLowerCase(Locale.ROOT) : "")
                .param("dob", byName ? dateOfBirth : LocalDate.EPOCH)
                .param("dod", byName ? dateOfDeath : LocalDate.EPOCH)
                .query((rs, row) -> new PossibleDuplicate(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .list();
    }
}
