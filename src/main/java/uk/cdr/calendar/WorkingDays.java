package uk.cdr.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.springframework.stereotype.Component;

import uk.cdr.ChildDeathReviewApplication;

/**
 * Working days and office hours, in UK local time. BPMN timers and due dates call this bean by
 * name with the engine's own clock, e.g. {@code ${workingDays.nextOpening(now())}}, so that process
 * tests moving the engine clock move these dates too.
 */
@Component("workingDays")
public class WorkingDays {

    static final ZoneId UK = ZoneId.of(ChildDeathReviewApplication.ZONE);

    private final BankHolidays bankHolidays;
    private final OfficeHours hours;

    public WorkingDays(BankHolidays bankHolidays, OfficeHours hours) {
        this.bankHolidays = bankHolidays;
        this.hours = hours;
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !bankHolidays.isBankHoliday(date);
    }

    /** In office hours: a working day, from opening time (inclusive) to closing time (exclusive). */
    public boolean isInHours(ZonedDateTime moment) {
        LocalDateTime local = moment.withZoneSameInstant(UK).toLocalDateTime();
        return isWorkingDay(local.toLocalDate())
                && !local.toLocalTime().isBefore(hours.opens())
                && local.toLocalTime().isBefore(hours.closes());
    }

    public boolean isInHours(Date moment) {
        return isInHours(moment.toInstant().atZone(UK));
    }

    public boolean isOutOfHours(Date moment) {
        return !isInHours(moment);
    }

    /** The first working day strictly after the given date. */
    public LocalDate nextWorkingDay(LocalDate date) {
        LocalDate next = date.plusDays(1);
        while (!isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    /**
     * When something reported at this moment is due: the close of the same day in hours,
     * otherwise opening time on the next working day (or today, if before opening on a working day).
     */
    public Date sameOrNextWorkingDayDue(Date reportedAt) {
        ZonedDateTime moment = reportedAt.toInstant().atZone(UK);
        if (isInHours(moment)) {
            return toDate(moment.toLocalDate().atTime(hours.closes()));
        }
        return nextOpening(reportedAt);
    }

    /** The next time the office opens after this moment. */
    public Date nextOpening(Date after) {
        LocalDateTime local = after.toInstant().atZone(UK).toLocalDateTime();
        LocalDate day = local.toLocalDate();
        if (!(isWorkingDay(day) && local.toLocalTime().isBefore(hours.opens()))) {
            day = nextWorkingDay(day);
        }
        return toDate(day.atTime(hours.opens()));
    }

    /**
     * The same time of day a number of working days later; a start outside a working day counts
     * from the next opening.
     */
    public Date plusWorkingDays(Date start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative");
        }
        ZonedDateTime moment = start.toInstant().atZone(UK);
        LocalDateTime from = isWorkingDay(moment.toLocalDate()) ? moment.toLocalDateTime()
                : nextOpening(start).toInstant().atZone(UK).toLocalDateTime();
        LocalDate day = from.toLocalDate();
        for (int i = 0; i < workingDays; i++) {
            day = nextWorkingDay(day);
        }
        return toDate(day.atTime(from.toLocalTime()));
    }

    /**
     * 23:59 (UK) on the day of this moment: when a task waits for a meeting on that day, it is due
     * by the end of the day, not from the meeting's start (nor from midnight before a meeting day).
     */
    public Date endOfDay(Date moment) {
        return toDate(moment.toInstant().atZone(UK).toLocalDate().atTime(23, 59));
    }

    private static Date toDate(LocalDateTime local) {
        return Date.from(local.atZone(UK).toInstant());
    }
}
