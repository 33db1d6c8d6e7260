package uk.cdr.review2018;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The Child Death Review Meeting's timings (local policy, domain-2018.md): people need at least the
 * notice (one month by default) before it, and it aims to be held within the target from the death.
 */
@Component("cdrmTimers")
public class CdrmTimers {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final Period notice;
    private final Period target;

    public CdrmTimers(@Value("${cdr.timers.cdrm.notice:P1M}") Period notice,
            @Value("${cdr.timers.cdrm.target:P3M}") Period target) {
        if (notice.isNegative() || target.isNegative() || target.isZero()) {
            throw new IllegalArgumentException("cdr.timers.cdrm: the notice must not be negative and the target must be positive");
        }
        this.notice = notice;
        this.target = target;
    }

    /** The earliest day a meeting convened today may be held. */
    public LocalDate earliestMeetingDay(LocalDate today) {
        return today.plus(notice);
    }

    /** "1 month", "2 weeks": what the forms and refusals say. */
    public String noticeInWords() {
        return inWords(notice);
    }

    /** 09:00 on the target day, counted from the date of death. */
    public Date targetAt(Date dateOfDeath) {
        return Date.from(dateOfDeath.toInstant().atZone(UK).toLocalDate().plus(target).atTime(9, 0).atZone(UK).toInstant());
    }

    static String inWords(Period period) {
        StringBuilder words = new StringBuilder();
        append(words, period.getYears(), "year");
        append(words, period.getMonths(), "month");
        if (period.getDays() % 7 == 0 && period.getDays() > 0) {
            append(words, period.getDays() / 7, "week");
        } else {
            append(words, period.getDays(), "day");
        }
        return words.isEmpty() ? "no" : words.toString();
    }

    private static void append(StringBuilder words, int count, String unit) {
        if (count > 0) {
            words.append(words.isEmpty() ? "" : " ").append(count).append(' ').append(unit).append(count == 1 ? "" : "s");
        }
    }
}
