package uk.cdr.agencyreport;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAmount;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Local policy timings of Form B (domain.md: due in 21 days, reminder at 14), as ISO-8601
 * durations from configuration. BPMN reads them by this bean's name, e.g.
 * {@code ${formBTimers.reminderAt(requestedAt)}}. Days are calendar days in the app's zone, so a
 * request sent at 10:00 is due at 10:00 three weeks later, across a clock change too.
 */
@Component("formBTimers")
public class FormBTimers {

    /** A due date the SPOC chooses by day falls due at the end of that working day. */
    static final LocalTime DUE_TIME_OF_DAY = LocalTime.of(17, 0);

    private final TemporalAmount due;
    private final TemporalAmount reminder;
    private final TemporalAmount chaseExtension;
    private final TemporalAmount linkValidity;
    private final Clock clock;

    public FormBTimers(@Value("${cdr.timers.form-b.due:P21D}") String due,
            @Value("${cdr.timers.form-b.reminder:P14D}") String reminder,
            @Value("${cdr.timers.form-b.chase-extension:P7D}") String chaseExtension,
            @Value("${cdr.timers.form-b.link-validity:P30D}") String linkValidity, Clock clock) {
        this.due = parse("due", due);
        this.reminder = parse("reminder", reminder);
        this.chaseExtension = parse("chase-extension", chaseExtension);
        this.linkValidity = parse("link-validity", linkValidity);
        this.clock = clock;
        OffsetDateTime probe = OffsetDateTime.now(clock);
        if (!probe.plus(this.reminder).isBefore(probe.plus(this.due))) {
            throw new IllegalArgumentException("cdr.timers.form-b.reminder must be shorter than cdr.timers.form-b.due");
        }
    }

    /** When a request made at {@code requestedAt} falls due. */
    public OffsetDateTime dueFrom(OffsetDateTime requestedAt) {
        return plus(requestedAt, due);
    }

    /** The reminder timer of a request. */
    public Date reminderAt(Date requestedAt) {
        return Date.from(plus(OffsetDateTime.ofInstant(requestedAt.toInstant(), clock.getZone()), reminder).toInstant());
    }

    /** The overdue timer: the due date itself, whichever way it was last set. */
    public Date overdueAt(Date dueAt) {
        return dueAt;
    }

    /** The new due date after the SPOC chases an overdue agency. */
    public OffsetDateTime chasedDueFrom(OffsetDateTime now) {
        return plus(now, chaseExtension);
    }

    /** When a link sent now stops working. */
    public OffsetDateTime linkExpiresFrom(OffsetDateTime now) {
        return plus(now, linkValidity);
    }

    /** The due time of a due date the SPOC gives as a day. */
    public OffsetDateTime dueOn(LocalDate day) {
        return day.atTime(DUE_TIME_OF_DAY).atZone(clock.getZone()).toOffsetDateTime();
    }

    private OffsetDateTime plus(OffsetDateTime from, TemporalAmount amount) {
        ZonedDateTime local = from.atZoneSameInstant(clock.getZone());
        return local.plus(amount).toOffsetDateTime().truncatedTo(ChronoUnit.MILLIS);
    }

    /** P21D and the like as calendar periods; PT36H and the like as exact durations. */
    static TemporalAmount parse(String name, String iso) {
        try {
            TemporalAmount amount = iso.contains("T") ? Duration.parse(iso) : Period.parse(iso);
            boolean positive = amount instanceof Duration d ? !d.isNegative() && !d.isZero()
                    : !((Period) amount).isNegative() && !((Period) amount).isZero();
            if (!positive) {
                throw new IllegalArgumentException("must be positive");
            }
            return amount;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cdr.timers.form-b." + name + " must be a positive ISO-8601 duration, was "
                    + iso, e);
        }
    }
}
