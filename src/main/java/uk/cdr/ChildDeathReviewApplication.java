package uk.cdr;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ChildDeathReviewApplication {

    /** Statutory timings (working days, 09:00 next working day, reporting years) are UK local time. */
    public static final String ZONE = "Europe/London";

    public static void main(String[] args) {
        // The build and compose set -Duser.timezone too; this covers a plain `java -jar` on a host in another zone.
        TimeZone.setDefault(TimeZone.getTimeZone(ZONE));
        SpringApplication.run(ChildDeathReviewApplication.class, args);
    }
}
