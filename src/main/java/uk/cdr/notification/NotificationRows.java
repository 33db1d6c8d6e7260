package uk.cdr.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads a stored notification back as the Form A its notifier gave. */
@Component
class NotificationRows {

    private final JdbcClient jdbc;

    NotificationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    FormA formA(UUID notificationId) {
        List<FormA.Agency> agencies = jdbc.sql("""
                select agency, contact_name, contact_email from notification_agency
                where notification_id = ? order by position""")
                .param(notificationId)
                .query((rs, row) -> new FormA.Agency(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        return jdbc.sql("select * from notification where id = ?").param(notificationId)
                .query((rs, row) -> map(rs, agencies)).single();
    }

    private static FormA map(ResultSet rs, List<FormA.Agency> agencies) throws SQLException {
        return new FormA(rs.getString("notifier_name"), rs.getString("notifier_role"),
                rs.getString("notifier_organisation"), rs.getString("notifier_email"), rs.getString("notifier_phone"),
                rs.getString("child_first_name"), rs.getString("child_last_name"), rs.getString("child_other_names"),
                rs.getObject("date_of_birth", LocalDate.class), rs.getString("sex"), rs.getString("nhs_number"),
                rs.getString("nhs_number_absent_reason"), rs.getString("ethnicity"), rs.getString("address_line"),
                rs.getString("postcode"), rs.getString("area"), rs.getObject("date_of_death", LocalDate.class),
                rs.getObject("time_of_death", LocalTime.class), rs.getString("signs_of_life"), rs.getString("place_of_death"),
                rs.getString("notified_expected"), rs.getString("circumstances"),
                rs.getString("post_mortem_required"), rs.getString("coroner_informed"), agencies);
    }
}
