package uk.cdr.calendar;

import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the SPOC's office is open (local policy). Outside these hours, at weekends and on
 * England &amp; Wales bank holidays a notification is out of hours.
 */
@ConfigurationProperties("cdr.calendar")
public record OfficeHours(@DefaultValue("09:00") LocalTime opens, @DefaultValue("17:00") LocalTime closes) {

    public OfficeHours {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("cdr.calendar.opens must be before cdr.calendar.closes");
        }
    }
}
