package uk.cdr.calendar;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * England &amp; Wales bank holidays from Jollyday's maintained calendar (including substitute days
 * and one-off holidays such as jubilees), never hand-written date arithmetic.
 */
@Component
public class BankHolidays {

    // Jollyday's UK calendar: England's subdivision carries Easter Monday and the August bank holiday.
    private static final String ENGLAND = "eng";

    private final HolidayManager holidays =
            HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));

    public boolean isBankHoliday(LocalDate date) {
        return holidays.isHoliday(date, ENGLAND);
    }
}
